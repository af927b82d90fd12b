"""The kernel: what every rule stands on, and no rule of its own.

Errors (:mod:`.errors`), rulings and reasons (:mod:`.ruling`), the articles and the law text (:mod:`.articles`,
:mod:`.authorities`), the dated parameters (:mod:`.parameters`), periods and working days (:mod:`.periods`,
:mod:`.workdays`), places (:mod:`.places`, :mod:`.place_names`), identity numbers (:mod:`.identity`), the shared
vocabulary (:mod:`.terms`), and the validators and masking every layer uses (``_validate``, ``_privacy``). Nothing
here imports from :mod:`gongshang_rules.rules` or :mod:`gongshang_rules.oracle`.
"""
