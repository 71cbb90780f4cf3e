"""The example commissioned projects: the three small grant-funded projects the Pendle news
item says went live through the PEI process, under a Service Level Agreement agreed by the
Pendle Children and Young People's Trust Board.

What the news item says is kept: what each project does, that the Trust Board commissioned
it, and the kind of outcome monitored (children, young people and families taking part,
those with a CAF in place, better attendance at school, families benefiting). It names no
provider but the Lookout programme, and gives no dates, costs, targets or figures: those here
are made up, to show how a project and its returns look, and every project and return says
so. `load_pei_content` loads them, marked as examples, while there are no projects at all.
"""

import datetime

MADE_UP = (
    "This is an example. The project is one of Pendle's, from the PEI guidance; its "
    "dates, cost, targets and figures are made up."
)
FIGURES_MADE_UP = "Example return: the figures and what it says are made up."


def _quarter(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, month, 1)
    month_after = month + 3
    end = datetime.date(year + (month_after - 1) // 12, (month_after - 1) % 12 + 1, 1)
    return start, end - datetime.timedelta(days=1)


APRIL_TO_JUNE = _quarter(2018, 4)
JULY_TO_SEPTEMBER = _quarter(2018, 7)

# Each example: the project's fields, its districts by code, its themes by the starter theme
# names (pei_workflow's migrations; a theme since renamed is skipped), its outcomes as
# (description, target, unit), and its returns as (period, figures in the outcomes' order,
# what happened).
EXAMPLE_PROJECTS = [
    {
        "name": "Mobile crèche for four Pendle children's centres",
        "provider": "Example childcare provider",
        "description": (
            "A crèche that travels to four children's centres in Pendle, so that parents can "
            "get to, take part in and stay on parenting courses and English language (ESOL) "
            f"courses. {MADE_UP}"
        ),
        "districts": ["PEN"],
        "themes": ["Childcare and respite", "Parenting support", "English language and learning"],
        "cost": "8000.00",
        "outcomes": [
            ("Parents who start a course with their child in the crèche", 40, "parents"),
            ("Parents who finish their course", 30, "parents"),
            ("Children cared for in the crèche", 50, "children"),
            ("Families with a CAF in place", 15, "families"),
        ],
        "returns": [
            (
                APRIL_TO_JUNE,
                [22, 15, 28, 6],
                "The crèche ran at all four centres every week. Two ESOL groups were full, "
                "and the centres added a waiting list.",
            ),
            (
                JULY_TO_SEPTEMBER,
                [21, 14, 25, 5],
                "Fewer sessions ran in August. Three parents left their course early because "
                "they started work.",
            ),
        ],
    },
    {
        "name": "Crèche for women on the Freedom and Next Steps programmes",
        "provider": "Example childcare provider",
        "description": (
            "Childcare, like the mobile crèche, so that women can take part in the Freedom "
            "and Next Steps programmes at the Women's Refuge. The guidance does not name the "
            f"provider. {MADE_UP}"
        ),
        "districts": ["PEN"],
        "themes": ["Childcare and respite"],
        "cost": "6000.00",
        "outcomes": [
            ("Women taking part in the Freedom or Next Steps programme", 24, "women"),
            ("Children cared for while their mothers take part", 30, "children"),
            ("Families with a CAF in place", 10, "families"),
        ],
        "returns": [
            (
                APRIL_TO_JUNE,
                [8, 11, 3],
                "One Freedom programme ran. Most women heard about the crèche from refuge staff.",
            ),
            (
                JULY_TO_SEPTEMBER,
                [9, 10, 4],
                "A Next Steps programme started in September. The crèche needs a second "
                "worker for the larger group.",
            ),
        ],
    },
    {
        "name": "More specialist support through the Lookout programme",
        "provider": "The Lookout programme",
        "description": (
            "Grant funding to extend the specialist services the Lookout programme offers in "
            f"Pendle to young people affected by domestic violence. {MADE_UP}"
        ),
        "districts": ["PEN"],
        "themes": ["Emotional health and wellbeing"],
        "cost": "10000.00",
        "outcomes": [
            ("Young people taking part", 30, "young people"),
            ("Young people with a CAF in place", 12, "young people"),
            ("Young people whose attendance at school has improved", 15, "young people"),
            ("Families benefiting", 20, "families"),
        ],
        "returns": [
            (
                APRIL_TO_JUNE,
                [14, 5, 6, 9],
                "Two groups and one-to-one sessions ran. Schools referred most of the young "
                "people.",
            ),
            (
                JULY_TO_SEPTEMBER,
                [17, 8, 10, 12],
                "A summer group ran in the holidays. Schools report better attendance for "
                "those who came back in September.",
            ),
        ],
    },
]

#: Every example project is the Trust Board's, from 1 April 2018 to 31 March 2019: the year
#: at whose end, the news item says, the projects are evaluated.
COMMON = {
    "commissioned_by": "trust_board",
    "start_date": datetime.date(2018, 4, 1),
    "end_date": datetime.date(2019, 3, 31),
}
