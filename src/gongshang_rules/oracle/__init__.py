"""The oracle: the procedure as a contract other implementations are judged by.

The JSON converter (:mod:`.jsonio`), the decision table, case and result format, comparison and schemas
(:mod:`.cases` and its neighbours), the reason catalogue (:mod:`.reasons`), the result types (:mod:`.results`), the
what-if runner (:mod:`.whatif`), the bundled worked example (:mod:`.examples`), the command line (:mod:`.cli`) and the
HTTP service (:mod:`.server`). The oracle imports the rules and the kernel; nothing below it imports the oracle.
"""
