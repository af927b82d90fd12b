"""The rules: one module per concern of the procedure, each named by it, each docstring naming its articles.

Chapter 1 (arts. 1-7): :mod:`.scope` (who is out of area, arts. 2-3), :mod:`.agencies` (who does what, art. 7).
Chapter 2 (arts. 8-13): :mod:`.eligibility` (art. 4), :mod:`.applications` and its neighbours (arts. 8-10),
:mod:`.forms` (annexes 1, 2), :mod:`.filing` and its neighbours (arts. 11-13). Chapter 3 (arts. 14-22):
:mod:`.institutions` (art. 14), :mod:`.catalog` (art. 17), :mod:`.settlement` and its neighbours (arts. 5, 12-22),
:mod:`.reconciliation` and :mod:`.reconciliation_deadlines` (arts. 20-21). Chapter 4 (arts. 23-27): :mod:`.funds`
(arts. 23-25), :mod:`.ledger` (art. 24), :mod:`.fund_plan` (art. 26), :mod:`.clearing` (art. 27). Chapter 5 (arts.
28-33): :mod:`.supervision` (art. 30), :mod:`.recovery` (art. 31), :mod:`.audit` (art. 32). Chapter 6:
:mod:`.commencement` (art. 36). A rule imports the kernel and other rules, never the oracle.
"""
