"""The law outside this procedure that its rules cite, named once (each reason's ``authorities``).

>>> NATIONAL_NOTICE
'人社部发〔2025〕17号 (national notice on cross-province direct settlement)'
"""

from __future__ import annotations

__all__ = [
    "CIVIL_CODE_ART_201",
    "CIVIL_CODE_PERIODS",
    "HUNAN_IMPLEMENTING_MEASURES",
    "NATIONAL_NOTICE",
    "NATIONAL_PILOT",
    "NATIONAL_PROCEDURE",
    "REGULATION_ARTICLE_30",
    "STATE_COUNCIL_SCHEDULE",
]

#: The national notice that started cross-province direct settlement on 2025-04-01.
NATIONAL_NOTICE = "人社部发〔2025〕17号 (national notice on cross-province direct settlement)"
#: The national pilot of cross-province direct settlement that ran in some cities before the national start.
NATIONAL_PILOT = "工伤保险跨省异地就医直接结算试点 (the national pilot of cross-province direct settlement, in some cities)"
#: The national procedure that governs cross-province prepayment and clearing (article 23 ¶3, article 36).
NATIONAL_PROCEDURE = "人力资源社会保障部《工伤保险跨省异地就医直接结算经办规程》 (national procedure for cross-province direct settlement)"
#: How periods counted in months run (the day a period starts on is not counted; the end in a short month).
CIVIL_CODE_PERIODS = "民法典 第二百零一条、第二百零二条 (Civil Code arts. 201, 202)"
#: The day a period starts on is not counted.
CIVIL_CODE_ART_201 = "民法典 第二百零一条 (Civil Code art. 201)"
#: Working days follow the State Council's yearly holiday schedule.
STATE_COUNCIL_SCHEDULE = "国务院办公厅 部分节假日安排的通知 (State Council holiday schedule)"
#: The national regulation's rules on the meal allowance and travel for care outside the pooling area.
REGULATION_ARTICLE_30 = (
    "《工伤保险条例》第三十条 (Regulation on Work-Related Injury Insurance, art. 30: inpatient meal allowance, and "
    "travel and lodging for care outside the pooling area, at the pooling area's standards)"
)
#: Hunan's measures implementing the national regulation.
HUNAN_IMPLEMENTING_MEASURES = (
    "《湖南省实施〈工伤保险条例〉办法》 (Hunan's measures implementing the Regulation)"
)
