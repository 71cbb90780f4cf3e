"""The words of synthetic casework: answers, comments and notes, by theme and step.

Every text is anonymous in the way the forms require (no name, address, school or date of
birth of a family), so the synthetic rows look like what the anonymity guard lets through.
"""

# The answers of a gap, by theme: (the unmet need, what has been tried, the service that
# would meet it, what a spot purchase would buy). A theme an EIDO added later, with none of
# its own, takes the general ones.
GAP_TEXTS = {
    "Bereavement": (
        [
            "Bereavement counselling for a young person in Year 9 after the death of a parent.",
            "Support for two brothers whose grandmother, their main carer, died last month.",
            "A young person has stopped going to lessons since a friend died in an accident.",
        ],
        "The school's pastoral team and the GP; the local counselling service has a long wait.",
        "A children's bereavement service that can see the young person at school.",
        "Six sessions with a bereavement counsellor.",
    ),
    "Transport": (
        [
            "Transport to a specialist youth group for a young carer in a rural village.",
            "A parent cannot get a toddler to speech therapy: two buses and no car.",
            "A young person cannot reach the only college course that suits them.",
        ],
        "Bus passes were looked at but there is no bus that fits the sessions.",
        "A community transport scheme covering the villages.",
        "Taxi fares to the first ten sessions.",
    ),
    "Diversionary activities": (
        [
            "Evening activities for young people on an estate where there is nothing open.",
            "A group of 13 to 15 year olds is at risk of antisocial behaviour at weekends.",
            "Holiday activities for a young person who spends the summer alone at home.",
        ],
        "Detached youth work once a week; the youth club closed two years ago.",
        "An open-access youth club on weekday evenings.",
        "Membership of a sports club and the kit for it.",
    ),
    "Childcare and respite": (
        [
            "A short break for a family after a house fire, while they find somewhere to live.",
            "Nursery fees for two weeks while a parent recovers from an operation.",
            "A crèche so a parent can attend a parenting course.",
        ],
        "Family and friends helped at first but cannot carry on.",
        "Funded childcare or a short-break scheme for families under strain.",
        "Two weeks of nursery sessions.",
    ),
    "Equipment": (
        [
            "Car seats so a family support service can take children to appointments.",
            "A safety gate and fireguard for a family with a toddler and an open fire.",
            "A bed and bedding for a child who shares a mattress with siblings.",
        ],
        "A charity grant was refused because the family had one last year.",
        "An equipment loan scheme for families.",
        "The equipment, bought and fitted.",
    ),
    "Parenting support": (
        [
            "One-to-one parenting support for a parent of a child with challenging behaviour.",
            "A parenting course in the evening for parents who work days.",
            "Support for a young parent who left care last year.",
        ],
        "A group course was offered but the parent could not manage a group setting.",
        "A parenting programme with home visits.",
        "A place on a course and the crèche for it.",
    ),
    "Emotional health and wellbeing": (
        [
            "A young person self-harms but does not meet the threshold for specialist services.",
            "Anxiety is keeping a child out of school most mornings.",
            "Low mood in a young person after moving here from another area.",
        ],
        "School counsellor sessions; a referral was declined as below threshold.",
        "Counselling for young people below the specialist threshold.",
        "Eight sessions of counselling.",
    ),
    "English language and learning": (
        [
            "A parent needs English classes to take part in meetings about their child.",
            "Adult learning for a parent so they can help with homework.",
            "Interpreting for a family at Team Around the Child meetings.",
        ],
        "An interpreter by telephone; the classes nearby are full.",
        "ESOL classes with a crèche.",
        "A term of ESOL classes.",
    ),
}
GENERAL_GAP_TEXTS = (
    [
        "The family needs support that no local service offers at the moment.",
        "A need has come up at three Team Around the Child meetings without an answer.",
    ],
    "The Team Around the Child has tried the services it knows of.",
    "",
    "Sessions or an item that meets the need.",
)

BARRIER_DETAIL = {
    "waiting_list": "The wait is about five months.",
    "eligibility": "The service works only with children on a plan.",
    "cost": "The family cannot pay and there is no funding.",
    "capacity": "The service is full until next term.",
    "distance": "The nearest service is an hour away by bus.",
    "other": "The service does not run in the school holidays.",
}

# A CAF escalation's answers, by escalation type: the issue and the outcome wanted.
CAF_TEXTS = {
    "agency_not_engaging": (
        "An agency has not come to the last three Team Around the Child meetings.",
        "The agency attends and takes its actions.",
    ),
    "no_lead_professional": (
        "Nobody will take the lead professional role after the health visitor moved on.",
        "A lead professional is agreed at the next meeting.",
    ),
    "agency_disagreement": (
        "Two agencies disagree about who should provide the support the plan needs.",
        "A decision on who provides it.",
    ),
    "threshold_disagreement": (
        "The referral to children's social care was stepped down, and the TAC disagrees.",
        "A joint review of the threshold decision.",
    ),
    "service_delay": (
        "A referral made four months ago has had no reply.",
        "A date for the service to start.",
    ),
    "systemic_caf_issue": (
        "CAFs completed by schools are not being logged, so the TAC cannot find them.",
        "A change to how CAFs are logged.",
    ),
    "workforce_training": (
        "Staff in a new team have not had CAF training and are unsure how to start one.",
        "CAF training for the team.",
    ),
    "other": (
        "The TAC cannot agree how to share information with a service outside the county.",
        "Clear guidance the TAC can follow.",
    ),
}
CAF_AGENCIES = [
    "Housing, a youth service and a health visiting team.",
    "A primary school, the school nurse and a family support service.",
    "Children's social care, a secondary school and an adult mental health team.",
    "A voluntary sector project, the police and an early years setting.",
]
CAF_STEPS_TAKEN = [
    "Emails and calls to the service manager.",
    "The TAC chair wrote to the agency and raised it at the last two meetings.",
    "A meeting between the managers of both agencies, which did not agree.",
]

# What staff and practitioners write at each step, as the services store it.
QUESTIONS = [
    "How old is the young person, and which school year are they in?",
    "Has the family been offered the local parenting course?",
    "Which services has the Team Around the Child already tried?",
    "Is a CAF in place, and when was it last reviewed?",
]
ANSWERS = [
    "They are 14, in Year 9.",
    "Yes, but the sessions are during the working day.",
    "School counselling and a youth group; neither could help.",
    "A CAF was completed in the spring and reviewed last month.",
]
DECLINE_REASONS = [
    "This need is met by a service the family can already use. We have sent its details.",
    "The needs are above Level 2: please refer to children's social care.",
    "This is a complaint about a service, which goes through that service's own process.",
]
WITHDRAW_REASONS = [
    "The practitioner asked to withdraw it: the need has been met.",
    "No answer to the information request after several reminders.",
    "The family has moved out of the district.",
]
REOPEN_REASONS = [
    "The service agreed did not start, so the need is unmet again.",
    "The practitioner has sent new information.",
    "Closed in error.",
]
DEFER_REASONS = ["The panel ran out of time.", "The practitioner could not attend.", ""]
PANEL_NOTES = {
    "service_identified": "A panel member's service can take the referral.",
    "skills_or_resources": "Two agencies offered staff time to run sessions.",
    "spot_purchase": "Agreed to buy what the practitioner asked for.",
    "waiting_list": "Put on the service's waiting list, with support from school meanwhile.",
}
SIGNPOST_NOTES = ["The service can take a referral now.", "Sent the practitioner its details.", ""]
ESCALATION_REASONS = {
    "escalate_to_sub_group": "The panel could not meet the need, which recurs in the district.",
    "escalate_to_trust_board": "Meeting it needs a county-wide decision on funding.",
    "refer_to_county_caf_group": "The same CAF problem is reported in other districts.",
}
SUB_GROUP_NOTES = {
    "budget_aligned": "Partners aligned budgets to fund sessions for the next year.",
    "staff_time": "Two agencies agreed staff time for a joint clinic.",
    "commissioned_service": "A service will be commissioned under a Service Level Agreement.",
    "process_change": "Agencies agreed a new way of working, to be reviewed in six months.",
    "other": "The Sub Group asked partners to report back at its next meeting.",
}
COUNTY_NOTES = {
    "record_trust_board_decision": "The Trust Board agreed county funding for a pilot.",
    "record_county_response": "The county group agreed a change to the CAF guidance.",
}
CLOSING_NOTES = {
    "met": "The service started and the practitioner reports the need is met.",
    "partly_met": "Some of the need is met; the TAC carries on with the rest.",
    "not_met": "The family moved before the support started.",
}

# The practitioners: synthetic people of example organisations.
FIRST_NAMES = ["Alex", "Sam", "Jo", "Chris", "Priya", "Imran", "Megan", "Tom", "Aisha", "Kate"]
LAST_NAMES = ["Example", "Sample", "Tester", "Demo", "Placeholder"]
JOB_TITLES = {
    "childrens_services": ["Family support worker", "Children's centre worker"],
    "adult_services": ["Adult social worker", "Substance misuse worker"],
    "education": ["Learning mentor", "Pastoral lead", "Special needs coordinator"],
    "health": ["Health visitor", "School nurse", "Midwife"],
    "police": ["Police community support officer"],
    "voluntary_community": ["Youth worker", "Project coordinator"],
    "housing": ["Housing support officer"],
    "other": ["Community worker"],
}
ORGANISATIONS = {
    "childrens_services": "Example Children's Centre",
    "adult_services": "Example Adult Services Team",
    "education": "Example Academy",
    "health": "Example Community Health Team",
    "police": "Example Neighbourhood Policing Team",
    "voluntary_community": "Example Youth Project",
    "housing": "Example Housing Association",
    "other": "Example Community Trust",
}
