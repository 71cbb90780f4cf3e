"""The held-out groups: the honest figure. Never tune the similarity engine on these.

Families of hard negatives here: a bereaved teenager and a child whose parent is dying;
transport to nursery and bus fares to college; support while waiting for an autism or ADHD
assessment and toilet training; anxiety-based school avoidance and behaviour that risks
exclusion; evening activities for teenagers, holiday clubs with food and healthy eating; a
teenager sofa surfing and a family in temporary accommodation; teenage parents, a dads' group
and parents of a violent teenager; online safety and online bullying; a teenager's own drug
use and a young carer of a disabled brother or sister.
"""

from .model import (
    AGE_5_10,
    AGE_11_15,
    AGE_16_19,
    BEREAVEMENT,
    CAPACITY,
    CHILDCARE,
    COST,
    DISTANCE,
    DIVERSIONARY,
    ELIGIBILITY,
    EMOTIONAL,
    EQUIPMENT,
    LEARNING,
    MIXED,
    NONE_KNOWN,
    OTHER,
    PARENTING,
    TRANSPORT,
    UNDER_5,
    WAITING,
    group,
    need,
)

TEEN_BEREAVEMENT = group(
    "teen-bereavement",
    "Bereavement support for a teenager after the death of a brother, sister or friend",
    need(
        "A 15 year old whose older brother died of an overdose last year. She has stopped "
        "going to lessons and spends lunchtimes alone. She needs bereavement support for young "
        "people.",
        "School counsellor offered sessions; she went once.",
        NONE_KNOWN,
        AGE_11_15,
        BEREAVEMENT,
    ),
    need(
        "Year 11 boy lost his best friend in a car crash. Struggling with exams and angry all "
        "the time. Looking for a grief group for teenagers.",
        "The only group is for primary children.",
        ELIGIBILITY,
        AGE_11_15,
        BEREAVEMENT,
        EMOTIONAL,
    ),
    need(
        "Teenager (17) bereaved of her twin sister. Not sleeping, self-medicating with alcohol. "
        "Needs specialist support for young people after a sibling's death.",
        "GP referred to talking therapies for adults, which said she needs a young people's "
        "service.",
        OTHER,
        AGE_16_19,
        detail="She is too old for the children's service and the adult one will not see her.",
    ),
    need(
        "After a friend took his own life, several Year 10 pupils are very affected; one in "
        "particular is not coping. We need bereavement support for a young person after a "
        "suicide.",
        "Postvention team came in for one day. Pastoral staff checking in daily.",
        CAPACITY,
        AGE_11_15,
        BEREAVEMENT,
    ),
    need(
        "grief support for a 14 yr old, little sister died at 3",
        "bereavement charity waiting list 6 months",
        WAITING,
        AGE_11_15,
        BEREAVEMENT,
    ),
    need(
        "Young person aged 13 whose brother was stabbed. He is talking about revenge and the "
        "family are frightened for him. He needs help to grieve safely.",
        "Youth offending prevention worker involved. No one is working on the loss itself.",
        NONE_KNOWN,
        AGE_11_15,
        EMOTIONAL,
    ),
)

PRE_BEREAVEMENT = group(
    "pre-bereavement-dying-parent",
    "Support to prepare a child whose parent is terminally ill",
    need(
        "Mum has been told her cancer is terminal and has months to live. Her two children, 6 "
        "and 10, do not know yet. She wants help to tell them and prepare them.",
        "The palliative care nurse has given mum a book. The hospice family team is full.",
        CAPACITY,
        AGE_5_10,
        BEREAVEMENT,
        PARENTING,
    ),
    need(
        "Child in Year 8, dad has motor neurone disease and is now receiving end of life care "
        "at home. She is not coping. She needs support before her father dies, not only after.",
        "Referred to the bereavement service, which only works after a death.",
        ELIGIBILITY,
        AGE_11_15,
        BEREAVEMENT,
    ),
    need(
        "Anticipatory grief support for a 9 yo whose mother is dying.",
        "Hospice has no children's worker at the moment.",
        CAPACITY,
        AGE_5_10,
    ),
    need(
        "A parent with end-stage liver disease and a 12 year old son. The boy is angry and "
        "refusing to visit the hospital. Help is needed for the son to understand the illness "
        "and spend the time they have left together.",
        "School aware. Social worker for the adult has offered a memory book.",
        NONE_KNOWN,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Pre-bereavement work needed for three young children (2, 4, 7). Their dad is in a "
        "hospice. The HV does not know how to talk to the little ones about dying.",
        "Hospice offered to see the 7 year old only.",
        ELIGIBILITY,
        MIXED,
        BEREAVEMENT,
    ),
    need(
        "Our pupil's grandmother, who has raised her, is terminally ill. The girl (Y6) asks "
        "staff every day whether nanna will die. She needs someone to help her get ready for "
        "the death.",
        "The family support worker has helped nan write a will and plan care for the child.",
        OTHER,
        AGE_5_10,
        detail="Help for children only starts once someone has died.",
    ),
)

NURSERY_TRANSPORT = group(
    "transport-to-nursery",
    "Getting a young child to a funded nursery place that is too far to walk",
    need(
        "A 2 year old has a funded place at a nursery two miles away. Mum has no car and a new "
        "baby, and cannot walk it twice a day. The child has a speech delay and needs the place.",
        "Asked for a place at a closer nursery: none have space.",
        DISTANCE,
        UNDER_5,
        TRANSPORT,
        CHILDCARE,
    ),
    need(
        "Transport to nursery for a 3 yr old, family in a village with no bus that fits the "
        "session times.",
        "Local authority school transport said it does not cover nursery.",
        ELIGIBILITY,
        UNDER_5,
        TRANSPORT,
    ),
    need(
        "Parent with a physical disability cannot take her child to pre-school. The child "
        "has missed most of the term and the setting is worried.",
        "Neighbour took him for a few weeks. That has stopped.",
        OTHER,
        UNDER_5,
        detail="Mum cannot walk far or drive since her injury.",
    ),
    need(
        "Bus fares for mum to get her son to his funded early years place. They moved across "
        "town into temporary housing and the nursery is now an hour each way.",
        "Nursery has kept the place open for 4 weeks.",
        COST,
        UNDER_5,
        TRANSPORT,
    ),
    need(
        "Little girl (4) with additional needs attends a specialist nursery in another town. "
        "Taxi transport ended when the family moved house.",
        "Re-application to SEN transport made; told it will take six weeks.",
        WAITING,
        UNDER_5,
        TRANSPORT,
        EQUIPMENT,
    ),
    need(
        "Family cannot get their toddler to the nursery place the HV arranged, it is too far "
        "and they don't drive.",
        "HV tried the community minibus, which only runs for older people.",
        DISTANCE,
        UNDER_5,
    ),
)

COLLEGE_TRANSPORT = group(
    "transport-to-college",
    "Travel costs for a 16 to 18 year old to get to college",
    need(
        "A 16 year old has a college place in the next town but cannot afford the bus pass. "
        "She is at risk of dropping out and becoming NEET.",
        "Applied to the college bursary; it will not pay until October.",
        COST,
        AGE_16_19,
        TRANSPORT,
    ),
    need(
        "Young person (17) started an apprenticeship-prep course, travel is £30 a week and "
        "family on benefits. Attendance falling.",
        "Careers adviser helped with the bursary form. Rejected as the household income was "
        "just over the limit.",
        ELIGIBILITY,
        AGE_16_19,
        TRANSPORT,
        LEARNING,
    ),
    need(
        "Care leaver aged 18 living in a supported flat, cannot get to college on time as the "
        "only bus gets in at ten.",
        "Looked at a bike. He has never ridden one.",
        DISTANCE,
        AGE_16_19,
        EQUIPMENT,
    ),
    need(
        "travel to college for a young carer, 16",
        "16-19 bursary applied for",
        WAITING,
        AGE_16_19,
    ),
    need(
        "A lad with autism aged 16 has a place on a specialist course at a college 15 miles "
        "away. He cannot use public transport yet and the post-16 transport policy does not "
        "cover him.",
        "Travel training offered but there is a long waiting list.",
        OTHER,
        AGE_16_19,
        TRANSPORT,
        detail="Post-16 transport only covers students with an EHCP and he does not have one.",
    ),
    need(
        "Sixth form student moved out of area into emergency housing and now faces a two-bus "
        "journey to her college. She wants to finish her A levels.",
        "Emergency housing team asked; they do not pay travel.",
        COST,
        AGE_16_19,
    ),
)

SEND_ASSESSMENT_WAIT = group(
    "send-support-waiting-for-assessment",
    "Support for a child and family while waiting for an autism or ADHD assessment",
    need(
        "A 7 year old is on the waiting list for an autism assessment, which is two years. His "
        "meltdowns at home are getting worse and parents want strategies now.",
        "School SENCO has put a support plan in place. Parents have read online guides.",
        WAITING,
        AGE_5_10,
        PARENTING,
    ),
    need(
        "ADHD assessment wait 3 years for this 12 yo. Getting detentions daily. Family and "
        "teachers both at a loss.",
        "GP referral done. The parent programme for ADHD is only for those with a diagnosis.",
        ELIGIBILITY,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "Girl aged 5 referred for a neurodevelopmental assessment. Needs help with sensory "
        "issues (won't wear clothes, screams at noise) while she waits to be seen.",
        "OT said they cannot see her without a diagnosis.",
        ELIGIBILITY,
        AGE_5_10,
    ),
    need(
        "Parents of a child waiting for an ASD diagnosis need support and training, the "
        "waiting list is very long and they feel alone.",
        "Parent support group for autism: asked if they could attend without a diagnosis, said no.",
        ELIGIBILITY,
        MIXED,
        PARENTING,
    ),
    need(
        "Pupil in Year 3 with suspected autism. School are struggling to meet his needs in "
        "class and he is at risk of a reduced timetable. We need SEND advice and outreach "
        "before the assessment happens.",
        "EHC needs assessment request refused as the evidence is not enough yet.",
        OTHER,
        AGE_5_10,
        LEARNING,
        detail="Outreach advice is only for pupils who already have a diagnosis.",
    ),
    need(
        "A 14 year old girl suspected to have ADHD and autism, masking at school and "
        "collapsing at home. Waiting list for assessment is over two years. She and her mum "
        "need support now.",
        "Referred to the school nurse. Private assessment too expensive.",
        WAITING,
        AGE_11_15,
        EMOTIONAL,
    ),
)

TOILETING = group(
    "toilet-training",
    "Help to toilet train a child who is still in nappies at school age",
    need(
        "A child starting Reception in September is not toilet trained and still in nappies in "
        "the day. Parents have tried and need help.",
        "HV gave potty training advice. Nursery are supportive.",
        NONE_KNOWN,
        UNDER_5,
        PARENTING,
    ),
    need(
        "Year 1 pupil soiling daily. Constipation diagnosed by the GP. Staff in class are changing "
        "him several times a day.",
        "Laxatives prescribed. School nurse continence referral made; long wait.",
        WAITING,
        AGE_5_10,
    ),
    need(
        "Toileting support for a 6 yr old with developmental delay, still in pull-ups.",
        "Bladder and bowel service declined as he has no medical cause.",
        ELIGIBILITY,
        AGE_5_10,
    ),
    need(
        "Mum of a 4 year old is stuck with toilet training; the child holds on and screams when "
        "she is put on the toilet. She is due to start school soon.",
        "Children's centre session on potty training attended.",
        OTHER,
        UNDER_5,
        PARENTING,
        detail="The children's centre no longer runs the toilet training clinic.",
    ),
    need(
        "8 year old still having daytime accidents, wets and soils. Being bullied for the smell. "
        "Needs a continence assessment and a plan.",
        "GP checked for infection. Family are buying pads themselves.",
        COST,
        AGE_5_10,
        EQUIPMENT,
    ),
    need(
        "A child with autism aged 5 will only poo in a nappy. Parents need specialist help with "
        "toileting.",
        "Waiting list for the autism team, who might help.",
        WAITING,
        AGE_5_10,
        PARENTING,
    ),
)

SCHOOL_ANXIETY = group(
    "school-anxiety-attendance",
    "Help for a child who is too anxious to attend school",
    need(
        "A Year 7 girl has not been in school since October. She has panic attacks in the "
        "morning and says she feels sick at the gate. She needs support for emotionally based "
        "school avoidance.",
        "Reduced timetable tried. The attendance officer has visited.",
        NONE_KNOWN,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "EBSA - 10 yr old, attendance 40%. Mum cannot get him out of the car.",
        "School gave a quiet room and a soft start.",
        CAPACITY,
        AGE_5_10,
    ),
    need(
        "Boy aged 13 refuses to go to school, stays in his room gaming. Parents have been "
        "fined. He says he is scared of the other kids and the noise.",
        "Referred to CAMHS, rejected. Pastoral worker does home visits.",
        ELIGIBILITY,
        AGE_11_15,
        EMOTIONAL,
        PARENTING,
    ),
    need(
        "Anxiety about school since a bereavement: child (8) cries every morning and mum often "
        "gives up and keeps him home. Attendance is now a concern.",
        "Early help assessment done. School counsellor is full.",
        CAPACITY,
        AGE_5_10,
    ),
    need(
        "A 15 year old has not attended for 6 months due to anxiety and will miss her GCSEs. "
        "Needs a gradual return to education with someone alongside her.",
        "Medical needs teaching service said anxiety alone does not qualify.",
        ELIGIBILITY,
        AGE_11_15,
        LEARNING,
    ),
    need(
        "school refusal, anxious Y5 pupil, parent at a loss",
        "Attendance meeting held.",
        OTHER,
        AGE_5_10,
        detail="The attendance team only offers fines, not support.",
    ),
)

BEHAVIOUR_EXCLUSION = group(
    "behaviour-risk-of-exclusion",
    "Behaviour support for a pupil at risk of exclusion from school",
    need(
        "A Year 4 boy has had three suspensions this term for hitting staff. The school are "
        "close to permanent exclusion. He needs behaviour support that works with school and "
        "home.",
        "Behaviour plan and a 1:1 TA at lunchtimes. Outreach service declined as he is too young.",
        ELIGIBILITY,
        AGE_5_10,
    ),
    need(
        "Pupil aged 12 disrupting lessons, swearing at teachers, walking out. On report. "
        "Heading for the PRU unless something changes.",
        "Internal inclusion unit. Mentoring from a sixth former.",
        CAPACITY,
        AGE_11_15,
    ),
    need(
        "Behaviour at school: a 6 year old throws furniture when frustrated and has hurt other "
        "children. Parents say he is fine at home. School cannot keep everyone safe.",
        "Educational psychologist visit requested. The EP service has a waiting list.",
        WAITING,
        AGE_5_10,
        EMOTIONAL,
    ),
    need(
        "Fixed term exclusions x5 for a 14 yo. Needs an alternative provision or a programme "
        "to stay in mainstream.",
        "Alternative provision costs the school £60 a day.",
        COST,
        AGE_11_15,
        DIVERSIONARY,
    ),
    need(
        "Our student is at risk of being excluded; he fights and is rude to staff. The family "
        "want help but do not know where to go.",
        "Family support worker started but has no behaviour expertise.",
        NONE_KNOWN,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "Child in Year 2 with challenging behaviour in class, school wants to avoid exclusion.",
        "SENCO has done a plan.",
        OTHER,
        AGE_5_10,
        detail="The behaviour outreach team cannot take new referrals until next year.",
    ),
)

EVENING_ACTIVITIES = group(
    "diversionary-activities-teenagers",
    "Evening and weekend activities for teenagers who are getting into trouble",
    need(
        "A group of 13 and 14 year olds are hanging around the park at night, drinking and "
        "getting into fights. There is nothing for them to do in the evenings.",
        "Police have moved them on. The youth club closed two years ago.",
        NONE_KNOWN,
        AGE_11_15,
        DIVERSIONARY,
    ),
    need(
        "Boy aged 15 at risk of criminal exploitation. He needs positive things to do after "
        "school and at weekends, like sport or music.",
        "Youth offending prevention gave a list. He cannot afford the football club.",
        COST,
        AGE_11_15,
        DIVERSIONARY,
    ),
    need(
        "Antisocial behaviour on the estate, young people aged 12-16. Residents complaining. "
        "Diversionary activities needed, especially Friday and Saturday nights.",
        "Community safety partnership asked for detached youth work; no capacity.",
        CAPACITY,
        MIXED,
        DIVERSIONARY,
    ),
    need(
        "A 14 yr old girl spends evenings with older men in cars. She needs somewhere to go "
        "and something to belong to.",
        "Exploitation screening done. Youth worker post vacant.",
        CAPACITY,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Something for a teenage lad to do in the evenings, he gets bored and ends up in trouble "
        "with the police",
        "Dad has tried to take him to the gym.",
        OTHER,
        AGE_11_15,
        detail="The gym will not take under 16s.",
    ),
    need(
        "Young people in the village have nothing positive to do out of school. Two have been "
        "arrested for criminal damage. Parents would like a youth club or sports sessions.",
        "Parish council offered the hall but there is no one to run it.",
        NONE_KNOWN,
        AGE_11_15,
        DIVERSIONARY,
        TRANSPORT,
    ),
)

HOLIDAY_FOOD = group(
    "holiday-activities-with-food",
    "Holiday clubs with a meal for primary children on free school meals",
    need(
        "Children on free school meals go hungry in the summer holidays. A family of 4 children "
        "(5 to 10) have nothing to do and little food over the six weeks.",
        "Food bank referral. The holiday club in town was full by the time mum rang.",
        CAPACITY,
        AGE_5_10,
        DIVERSIONARY,
    ),
    need(
        "Holiday provision with a hot lunch for a child in Year 3 on FSM.",
        "No scheme near them this year.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "Mum works and her two primary age kids are home alone in the school holidays. She "
        "cannot afford a holiday club and they are living on crisps.",
        "Asked the school about holiday clubs; theirs is £25 a day.",
        COST,
        AGE_5_10,
        CHILDCARE,
    ),
    need(
        "A 9 year old with additional needs could not get into the free holiday activity and "
        "food programme as it had no staff trained for him. He loses his meals and routine in "
        "the holidays.",
        "SENCO rang the programme. They asked for a 1:1 worker which the family cannot supply.",
        OTHER,
        AGE_5_10,
        DIVERSIONARY,
        detail="The holiday programme will not take him without his own 1:1 worker.",
    ),
    need(
        "Half term and summer holiday activities with food for children in a village, the "
        "nearest scheme is in the town and there is no bus.",
        "Parents have tried car sharing.",
        DISTANCE,
        AGE_5_10,
        TRANSPORT,
    ),
    need(
        "Several families at our primary are struggling with feeding the children during the "
        "holidays. We would like a holiday club with meals for about ten pupils.",
        "Staff collected food parcels at Easter.",
        NONE_KNOWN,
        MIXED,
        DIVERSIONARY,
    ),
)

HEALTHY_EATING = group(
    "healthy-eating-weight",
    "Help for a family to eat healthily when a child is very overweight",
    need(
        "A 10 year old is very overweight and getting teased. The family eat mostly takeaways "
        "and ready meals. They would like to learn to cook healthy meals on a budget.",
        "School nurse weighed and measured. The weight management service for children has closed.",
        NONE_KNOWN,
        AGE_5_10,
        PARENTING,
    ),
    need(
        "Child (6) obese, BMI above the 99th centile. Parents need support with diet and activity.",
        "GP advice given. Referral to the dietitian refused: needs a medical condition.",
        ELIGIBILITY,
        AGE_5_10,
    ),
    need(
        "Cookery and nutrition course for a mum with three children who live on crisps and "
        "fizzy drinks; the kids have rotten teeth.",
        "Dentist referred for extractions. The cook and eat course is full.",
        CAPACITY,
        MIXED,
        PARENTING,
        LEARNING,
    ),
    need(
        "Teenager aged 13 with weight gain and low self esteem, wants help to eat better and be "
        "more active. Mum also overweight and wants to join in.",
        "Slimming group for adults costs money and does not take under 16s.",
        COST,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "healthy eating support for a family - toddler on bottles of juice all day, only eats "
        "yoghurts",
        "HV advice given twice.",
        OTHER,
        UNDER_5,
        detail="There is no one to visit and cook with the family at home.",
    ),
    need(
        "A child with a learning disability who overeats and has gained a lot of weight in a "
        "year. Parents need practical help with meals, portions and activity that works for him.",
        "Paediatric dietitian saw him once; next review is in a year.",
        WAITING,
        AGE_5_10,
        PARENTING,
    ),
)

TEEN_HOMELESS = group(
    "teen-homelessness",
    "Housing support and family mediation for a 16 or 17 year old asked to leave home",
    need(
        "A 16 year old has been told by his mum to leave after arguments. He is sofa surfing "
        "with friends and has stopped going to college. He needs somewhere safe to live.",
        "Housing options said he should go back home. Mediation has a waiting list.",
        WAITING,
        AGE_16_19,
    ),
    need(
        "Young person aged 17, kicked out by step-dad, sleeping at different friends' houses "
        "each night. Needs supported housing.",
        "Children's social care assessed; said she is not a child in need as friends will put "
        "her up.",
        ELIGIBILITY,
        AGE_16_19,
    ),
    need(
        "Family mediation to stop a 16 yr old becoming homeless. Relationship with dad has "
        "broken down and she may be asked to leave any day.",
        "Youth worker tried to talk to dad. Dad will not engage with school.",
        NONE_KNOWN,
        AGE_16_19,
        PARENTING,
    ),
    need(
        "17 year old lad living in a tent after his gran died and the tenancy ended. He is too "
        "young for most hostels.",
        "Night shelter said 18 and over. Homeless team appointment next week.",
        OTHER,
        AGE_16_19,
        BEREAVEMENT,
        detail="Every hostel near him takes only people aged 18 and over.",
    ),
    need(
        "Teenager (15) keeps running away from home and staying with older friends. She says "
        "she will not go back. Needs somewhere to go and support to repair things with mum.",
        "Police return interviews done.",
        CAPACITY,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Sofa surfing 16yo, no supported lodgings places in district.",
        "Asked the supported lodgings scheme.",
        CAPACITY,
        AGE_16_19,
    ),
)

TEMP_ACCOMMODATION = group(
    "family-temporary-accommodation",
    "Help for a family with children living in temporary accommodation",
    need(
        "A family of five have been in one room in a B&B for three months. The children (2, 6 "
        "and 9) have nowhere to play or do homework and the baby has no space to crawl.",
        "Housing team say there is no family accommodation available.",
        CAPACITY,
        MIXED,
    ),
    need(
        "Mum and 2 kids in temporary accommodation 20 miles from the children's school after an "
        "eviction. Kids missing school.",
        "Asked housing to move them nearer; they refused.",
        DISTANCE,
        AGE_5_10,
        TRANSPORT,
    ),
    need(
        "Family placed in a hostel with no cooking facilities. Living on takeaways, money "
        "running out. Need practical help until they are rehoused.",
        "Slow cooker given. Food bank used.",
        OTHER,
        MIXED,
        EQUIPMENT,
        detail="The hostel will not let them use a cooker in the room.",
    ),
    need(
        "homeless family, hotel room, toddler and newborn - need support while waiting for a house",
        "HV visiting. Housing bid made.",
        WAITING,
        UNDER_5,
    ),
    need(
        "A family in temporary housing with damp and mould; the youngest (3) has had repeated "
        "chest infections. They need someone to help them get moved and meanwhile keep the "
        "children well.",
        "Environmental health contacted. GP letter sent to housing.",
        WAITING,
        UNDER_5,
    ),
    need(
        "Dad and his three teenage children in emergency accommodation after fleeing a house "
        "fire. The children are anxious and have lost all their belongings.",
        "Council gave emergency accommodation. Clothes from a charity.",
        NONE_KNOWN,
        AGE_11_15,
        EQUIPMENT,
        EMOTIONAL,
    ),
)

TEENAGE_PARENTS = group(
    "teenage-parents",
    "Support for a teenage parent from a service that suits their age",
    need(
        "A 16 year old mum with a 3 month old baby feels judged at the baby groups full of "
        "older mums. She needs a young parents' group.",
        "The family nurse partnership is full. HV visiting.",
        CAPACITY,
        AGE_16_19,
        PARENTING,
    ),
    need(
        "Teenage dad (17) wants to be involved with his baby but has no idea what to do and no "
        "support. Nothing is aimed at young fathers.",
        "Youth worker has met him. Baby's mum supportive.",
        NONE_KNOWN,
        AGE_16_19,
        PARENTING,
    ),
    need(
        "Young parent aged 15, pregnant, still at school. Will need support with parenting and "
        "with staying in education after the birth.",
        "School nurse referral to maternity. Pastoral plan in school.",
        OTHER,
        AGE_11_15,
        LEARNING,
        detail="The young parents' project only starts once the baby is born.",
    ),
    need(
        "teen mum (17), isolated, struggling with routines for baby",
        "Children's centre baby group tried, didn't go back",
        NONE_KNOWN,
        AGE_16_19,
    ),
    need(
        "A young couple, both 18, with a toddler. They left care and have no family to turn to. "
        "They need parenting support for young parents and help to manage a home.",
        "Leaving care personal adviser supports with money. Referral to a parenting course for "
        "young parents was refused as they are over 17.",
        ELIGIBILITY,
        UNDER_5,
        PARENTING,
    ),
    need(
        "A 16 year old mother would like to get back to college but there is no young parents' "
        "support with childcare near her.",
        "Care to Learn applied for; no nursery place near the college.",
        CAPACITY,
        AGE_16_19,
        CHILDCARE,
    ),
)

DADS_GROUP = group(
    "dads-group",
    "A peer group for fathers",
    need(
        "Several dads at the children's centre have said they feel left out of the groups, "
        "which are all mums. They would like a dads' group, ideally at the weekend.",
        "Asked the centre; no male staff and no weekend opening.",
        NONE_KNOWN,
        UNDER_5,
        PARENTING,
    ),
    need(
        "Single father of two (4 and 7) after separation, very isolated. Would benefit from "
        "meeting other fathers.",
        "Dad tried a parenting course; he was the only man and did not go back.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "A dads' group or fathers' support network for a dad who works weekdays and is "
        "struggling with his mental health since the baby was born.",
        "GP has signposted to an online forum.",
        OTHER,
        UNDER_5,
        EMOTIONAL,
        detail="Everything for parents runs in the day on weekdays.",
    ),
    need(
        "dads group - none in area. father of child with disabilities wants peer support",
        "Looked online, nearest one is in Manchester.",
        DISTANCE,
        AGE_5_10,
        PARENTING,
    ),
    need(
        "We have several fathers on our caseload who would like to meet other men in the same "
        "boat. A regular group for dads with activities they can do with the kids.",
        "Tried a stay and play session on a Saturday, two dads came. No money to run more.",
        COST,
        MIXED,
        PARENTING,
        DIVERSIONARY,
    ),
    need(
        "Dad who has just got his kids back after they were in care wants to meet other dads "
        "and build his confidence as a parent.",
        "Social worker closing the case. Dad was told about the mums' group.",
        CAPACITY,
        AGE_5_10,
    ),
)

PARENTING_TEENS = group(
    "parenting-violent-teenager",
    "Support for parents whose teenager is violent or aggressive towards them",
    need(
        "Mum is scared of her 14 year old son, who has punched holes in walls and pushed her. "
        "She needs support for child to parent violence.",
        "Police called twice. Early help parenting course is for under 11s.",
        ELIGIBILITY,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "Parents of a 15 yo girl who is verbally abusive and smashes things when told no. They "
        "want a course for parents of teenagers.",
        "The teen parenting programme is not running this year.",
        CAPACITY,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "CPV - 16 yr old lad, hits his dad. Family at breaking point.",
        "Youth offending team not involved as the parents will not press charges.",
        NONE_KNOWN,
        AGE_16_19,
    ),
    need(
        "A 13 year old with suspected ADHD attacks his grandparents, who are his carers, when he "
        "does not get his way. They need help to manage his aggression and stay safe.",
        "Kinship carers support group attended. Not specific enough.",
        OTHER,
        AGE_11_15,
        EMOTIONAL,
        detail="Help with aggression at home is only for parents, not kinship carers.",
    ),
    need(
        "Help for a single mum with her teenage son's behaviour at home: he controls the house, "
        "takes her money and threatens her when she says no.",
        "Domestic abuse service said it is for partners, not children.",
        ELIGIBILITY,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "A family where the eldest (17) is aggressive towards mum and the younger siblings. "
        "Mum does not want him to leave but cannot cope. She needs someone to work with them "
        "all at home.",
        "Family support worker has done some work. Mum was given a private parenting course "
        "at £300.",
        COST,
        MIXED,
        PARENTING,
    ),
)

ONLINE_SAFETY = group(
    "online-safety",
    "Online safety for a child at risk from contact with strangers online, and for the parents",
    need(
        "A 12 year old has been sending pictures of herself to someone she met on a game. Mum "
        "did not know how to check her phone. The family need online safety advice and support.",
        "Police informed. School talked to her about online safety.",
        NONE_KNOWN,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "Child aged 9 found chatting with adult strangers on a gaming app. Parents have no idea "
        "about parental controls.",
        "IT teacher gave a leaflet on parental settings.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "Online safety work for a young person with learning difficulties (15) who has been "
        "groomed online. She does not understand the risks.",
        "CSE screening done. The specialist service only takes high risk cases.",
        ELIGIBILITY,
        AGE_11_15,
        EMOTIONAL,
        LEARNING,
    ),
    need(
        "Parents asked for help after their 11 yr old son was blackmailed over images online. "
        "They want to know how to keep him safe on the internet.",
        "Reported to the police and to the app.",
        OTHER,
        AGE_11_15,
        PARENTING,
        detail="The parents' online safety workshops are only run in school, in the day.",
    ),
    need(
        "online safety - mum needs 1:1 support to set up controls, she has ESOL needs and "
        "can't follow the guides",
        "Gave the online guide.",
        NONE_KNOWN,
        AGE_5_10,
        LEARNING,
    ),
    need(
        "A 14 year old boy is spending nights online and has been in contact with older men "
        "through a chat site. The family and his teachers need advice on keeping him safe online.",
        "Safer schools officer did an assembly.",
        CAPACITY,
        AGE_11_15,
    ),
)

CYBERBULLYING = group(
    "online-bullying",
    "Emotional support for a child who is being bullied online",
    need(
        "A 13 year old girl is being bullied in group chats; a video of her was shared round "
        "the year group. She is not eating and wants to change schools. She needs someone to "
        "talk to.",
        "School dealt with the pupils involved. She was offered the school counsellor but said no.",
        NONE_KNOWN,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Y8 boy receiving nasty messages on social media every night. Low self esteem. Needs "
        "emotional support and confidence building.",
        "Blocked the accounts. It keeps happening through new ones.",
        CAPACITY,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Cyberbullying victim (11) now refusing to use the school bus. Crying at night.",
        "Parent reported to school. Mentor assigned.",
        OTHER,
        AGE_11_15,
        detail="The bullying happens outside school, so school says it can do little.",
    ),
    need(
        "Young person (16) who was bullied online for being gay. Very low, talks about wanting "
        "to disappear. Needs support for the effects of the bullying.",
        "Referred to the LGBT youth group. Waiting list.",
        WAITING,
        AGE_16_19,
    ),
    need(
        "A girl aged 10 has been targeted by others in her class on a messaging app. The "
        "comments are about her weight. She is now anxious and withdrawn and needs help to "
        "recover her confidence.",
        "Class teacher spoke to the other children. Parents removed the app.",
        NONE_KNOWN,
        AGE_5_10,
        EMOTIONAL,
    ),
    need(
        "support for a teenager who has been harassed on social media, counselling or a group",
        "Counselling: 6 month wait.",
        WAITING,
        AGE_11_15,
    ),
)

TEEN_SUBSTANCE_USE = group(
    "teen-own-substance-use",
    "Support for a teenager's own cannabis, alcohol or other drug use",
    need(
        "A 15 year old is smoking cannabis daily and has been caught with it in school. He says "
        "he can stop whenever he wants. He needs young people's drug and alcohol support.",
        "Referred to the young people's substance misuse service; on their waiting list.",
        WAITING,
        AGE_11_15,
    ),
    need(
        "Girl aged 14 drinking most weekends, found passed out in the park twice. Parents "
        "desperate.",
        "School nurse did a brief intervention.",
        NONE_KNOWN,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "17 yo using ketamine and cocaine with older friends, missing college, owes money. "
        "Needs specialist substance misuse work for young people.",
        "He did not turn up to the drug service's clinic, which is in town, and was discharged.",
        DISTANCE,
        AGE_16_19,
    ),
    need(
        "Young person (13) vaping and smoking weed, excluded twice. Family want help for him "
        "to stop.",
        "Drug service said his use is too low for them.",
        ELIGIBILITY,
        AGE_11_15,
        DIVERSIONARY,
    ),
    need(
        "A Year 10 pupil has told us he uses cannabis to cope with his anxiety. He wants to cut "
        "down but does not want his parents to know.",
        "School counsellor seeing him. Counsellor has no drug training.",
        OTHER,
        AGE_11_15,
        EMOTIONAL,
        detail="The young people's drug service needs a parent's consent and he will not ask.",
    ),
    need(
        "drug and alcohol support for a 16 year old, weekly sessions",
        "Nothing local that he will go to.",
        NONE_KNOWN,
        AGE_16_19,
    ),
)

YOUNG_CARER_SIBLING = group(
    "young-carer-of-sibling",
    "Support for a child who helps care for a disabled brother or sister",
    need(
        "A 10 year old helps care for her brother, who has severe autism and attacks her when "
        "he is upset. She never has her parents' attention. She needs time for herself and "
        "support as a sibling carer.",
        "Young carers service say she is not a young carer as both parents are at home.",
        ELIGIBILITY,
        AGE_5_10,
        CHILDCARE,
    ),
    need(
        "Sibling of a child with a life limiting illness. 13 yr old, lots of caring at home "
        "while parents are at hospital. Needs a break and someone to talk to.",
        "The hospice sibling group is for under 11s.",
        ELIGIBILITY,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Young carer for his disabled brother, 12 year old boy. Missing out on clubs and trips.",
        "Young carers waiting list.",
        WAITING,
        AGE_11_15,
        DIVERSIONARY,
    ),
    need(
        "A teenager looks after her little sister with cerebral palsy every day after school "
        "while mum works. She is falling behind with homework. She would like to go to a young "
        "carers group.",
        "Asked the young carers project. The group meets straight after school.",
        OTHER,
        AGE_11_15,
        detail="The group meets when she has to be at home with her sister.",
    ),
    need(
        "siblings of disabled children - a 7 year old who gets no time with mum or dad, "
        "acting out in school",
        "Sibling support group closed.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "Girl aged 15 who does the night-time care for her brother's seizures. She is exhausted "
        "and anxious about him all day. Family need support so she can be a teenager.",
        "Short breaks for the brother refused. School aware.",
        CAPACITY,
        AGE_11_15,
        CHILDCARE,
        EMOTIONAL,
    ),
)

HELD_OUT_GROUPS = (
    TEEN_BEREAVEMENT,
    PRE_BEREAVEMENT,
    NURSERY_TRANSPORT,
    COLLEGE_TRANSPORT,
    SEND_ASSESSMENT_WAIT,
    TOILETING,
    SCHOOL_ANXIETY,
    BEHAVIOUR_EXCLUSION,
    EVENING_ACTIVITIES,
    HOLIDAY_FOOD,
    HEALTHY_EATING,
    TEEN_HOMELESS,
    TEMP_ACCOMMODATION,
    TEENAGE_PARENTS,
    DADS_GROUP,
    PARENTING_TEENS,
    ONLINE_SAFETY,
    CYBERBULLYING,
    TEEN_SUBSTANCE_USE,
    YOUNG_CARER_SIBLING,
)
