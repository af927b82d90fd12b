"""The rules: one module per concern of the procedure, each named by it, each docstring naming its articles.

Chapter 1 (articles 1-9): :mod:`.scope` (who is out of area, art. 2-3), :mod:`.commencement` (art. 36, in force),
:mod:`.agencies` (who does what, art. 7), :mod:`.institutions` (the designated institutions, art. 8-9). Chapter 2
(articles 10-16): :mod:`.eligibility`, :mod:`.filing`, :mod:`.applications`, :mod:`.forms` (annexes 1 and 2).
Chapter 3 (articles 17-22): :mod:`.catalog`, :mod:`.settlement`. Chapter 4 (articles 23-30): :mod:`.funds`,
:mod:`.reconciliation`. Chapter 5 (articles 31-35): :mod:`.supervision`. A rule imports the kernel and other rules,
never the oracle.
"""
