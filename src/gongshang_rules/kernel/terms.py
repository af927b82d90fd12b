"""The procedure's vocabulary shared by every chapter: services, person categories, completed bases (articles 2, 4).

>>> ServiceKind.ASSISTIVE_DEVICE.zh
'配置辅助器具'
>>> PersonCategory.REFERRAL.en
'referral (异地转诊转院)'
"""

from __future__ import annotations

from .ruling import LabelledEnum

__all__ = [
    "Basis",
    "CareType",
    "PersonCategory",
    "ServiceKind",
]


class ServiceKind(LabelledEnum):
    """The three services of article 2 ¶2: medical care, rehabilitation, assistive devices (incl. replacement)."""

    MEDICAL = ("就医", "medical care")
    REHABILITATION = ("康复", "rehabilitation")
    ASSISTIVE_DEVICE = ("配置辅助器具", "assistive device (fitting or replacement)")


class CareType(LabelledEnum):
    """The kind of episode: an inpatient stay, an outpatient visit (or course of visits), a device fitting.

    The distinction matters to article 5 (cross-province direct settlement excludes outpatient care for now) and
    to article 13 ¶2 (only a hospital admission made within validity is exempt from the validity period).
    """

    INPATIENT = ("住院", "inpatient stay")
    OUTPATIENT = ("门诊", "outpatient visit")
    DEVICE_FITTING = ("辅助器具配置", "assistive-device fitting")


class PersonCategory(LabelledEnum):
    """The person categories of article 4: referral, long-term residence, resident work."""

    REFERRAL = ("异地转诊转院", "referral (异地转诊转院)")
    LONG_TERM_RESIDENCE = ("异地长期居住", "long-term residence (异地长期居住)")
    RESIDENT_WORK = ("常驻异地工作", "resident work (常驻异地工作)")

    @property
    def long_term(self) -> bool:
        """True for long-term residence and resident work (the 6-month categories of article 4 item 1)."""
        return self is not PersonCategory.REFERRAL


class Basis(LabelledEnum):
    """The completed bases of article 4 on which a worker may file."""

    INJURY_RECOGNITION = ("工伤认定", "work-injury recognition")
    REHABILITATION_CONFIRMATION = ("工伤康复确认", "rehabilitation confirmation")
    DEVICE_CONFIRMATION = ("辅助器具配置确认", "assistive-device confirmation")
    RECURRENCE_CONFIRMATION = ("工伤复发确认", "recurrence confirmation")
    CONTINUED_TREATMENT = ("原工伤部位继续治疗", "continued treatment of the original injury")
