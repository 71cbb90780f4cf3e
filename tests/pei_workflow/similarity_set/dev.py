"""The development groups: the similarity engine is tuned on these, and only these.

Families of hard negatives here: a child's bereavement support and a parent's own grief;
hospital transport and evening transport to a youth club; the speech therapy wait, the CAMHS
wait and self-harm below the CAMHS threshold; short breaks for a disabled child and childcare
for a parent going back to work; ESOL and a parent's own literacy; a young carer and a child
living with a parent's drinking; children's recovery from domestic abuse and a teenager's own
abusive relationship; sleep and bedwetting; debt, beds and home safety equipment.
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

CHILD_BEREAVEMENT = group(
    "child-bereavement-primary",
    "One-to-one bereavement support for a primary-age child after a parent's death",
    need(
        "A Year 3 boy whose dad died suddenly in the spring needs bereavement support. He has "
        "become withdrawn in class and cries at home time.",
        "School has given him a trusted adult to check in with each morning. The national "
        "charity's helpline was given to mum.",
        WAITING,
        AGE_5_10,
        BEREAVEMENT,
    ),
    need(
        "7 yr old lost her mum to cancer 4 months ago. Needs someone trained to do grief work "
        "with her, memory box etc.",
        "HV and GP aware. Referred to the hospice children's service but they only work with "
        "families known to them before the death.",
        ELIGIBILITY,
        AGE_5_10,
        BEREAVEMENT,
        EMOTIONAL,
    ),
    need(
        "Since his father passed away the child (aged 9) has been angry and hitting out at "
        "other pupils, which is not like him. Staff think this is grief and that he has not "
        "had a chance to talk about what happened. We are looking for specialist support for "
        "a bereaved child of primary age, ideally in school.",
        "Our learning mentor has tried some sessions using a workbook about loss but feels out "
        "of her depth.",
        CAPACITY,
        AGE_5_10,
    ),
    need(
        "Bereavment support for a child of 6 after the death of a parent.",
        "Nothing locally, the group we used to refer to has closed.",
        NONE_KNOWN,
        AGE_5_10,
        BEREAVEMENT,
    ),
    need(
        "Two brothers, 5 and 8, whose mother died in an accident. The younger one keeps asking "
        "when she is coming back. Both need age-appropriate help to understand the death and "
        "grieve.",
        "Family support worker has read stories about death with them. Dad is doing his best "
        "but is struggling himself.",
        OTHER,
        MIXED,
        BEREAVEMENT,
        detail="The only children's grief service we found is online and the boys are too young "
        "for video sessions.",
    ),
    need(
        "Pupil in Y5, dad died by suicide last term. School nurse feels the child needs "
        "specialist bereavement counselling for children, as the circumstances are complex.",
        "TAC meeting held; CAMHS said a grief reaction is not a mental health disorder and "
        "declined.",
        ELIGIBILITY,
        AGE_5_10,
        EMOTIONAL,
    ),
)

PARENT_GRIEF = group(
    "parent-grief-counselling",
    "Grief counselling for a parent after a death, so they can go on caring for the children",
    need(
        "Mum's partner died in January and she is not coping. She needs counselling for her own "
        "grief so she can look after the three children.",
        "GP has prescribed antidepressants and put her on the talking therapies list.",
        WAITING,
        MIXED,
        BEREAVEMENT,
        PARENTING,
    ),
    need(
        "Father widowed last year, drinking more and says he cannot get out of bed some days. "
        "He has asked for someone to talk to about losing his wife.",
        "Referred to the adult bereavement charity, who have a nine month wait.",
        WAITING,
        AGE_5_10,
        BEREAVEMENT,
    ),
    need(
        "Parent whose baby died at 3 weeks old. She has a toddler and is finding it very hard to "
        "bond with him since the loss. She needs specialist bereavement support for parents "
        "after the death of a baby.",
        "HV visiting weekly. The hospital's bereavement midwife saw her twice but that service "
        "ends after six weeks.",
        OTHER,
        UNDER_5,
        EMOTIONAL,
        detail="The hospital service stops after six weeks and nothing local picks up after it.",
    ),
    need(
        "grief counselling for an adult (mum) after her own mother died - nan was the main "
        "childcare and mum has fallen apart",
        "Talked to her about self-referral to IAPT; she said she would not manage a group.",
        NONE_KNOWN,
        MIXED,
    ),
    need(
        "A dad in his thirties lost his teenage son in a road accident and is now caring for the "
        "younger siblings alone. He needs someone to help him with his own grief; the children "
        "are getting support but he is not.",
        "The children see a school counsellor. Dad was offered six sessions privately but cannot "
        "afford them.",
        COST,
        AGE_11_15,
        BEREAVEMENT,
    ),
    need(
        "Parent bereaved by suicide (her husband). Very low, not sleeping, isolated from "
        "friends. Needs a bereavement counselling service for adults that understands suicide "
        "loss.",
        "Given the leaflet for the suicide bereavement support line. She has rung it but wants "
        "face to face help.",
        CAPACITY,
        AGE_5_10,
        EMOTIONAL,
        PARENTING,
    ),
)

HOSPITAL_TRANSPORT = group(
    "transport-hospital-appointments",
    "Getting a child to regular hospital appointments when the family has no car",
    need(
        "A 4 year old with a heart condition has appointments at the children's hospital in "
        "Manchester every fortnight. Mum does not drive and the journey is two buses and a train.",
        "We asked about patient transport; the child does not meet the medical criteria for it.",
        ELIGIBILITY,
        UNDER_5,
        TRANSPORT,
    ),
    need(
        "Family need help getting their son (12) to weekly physio and consultant apointments at "
        "the hospital in Preston. No car and dad works shifts.",
        "Family have been paying for taxis but have now run out of money and missed two "
        "appointments.",
        COST,
        AGE_11_15,
        TRANSPORT,
    ),
    need(
        "Transport to outpatient clinics for a child with diabetes who keeps missing reviews.",
        "Diabetes nurse has offered phone reviews but the child needs to be seen in clinic.",
        DISTANCE,
        AGE_5_10,
    ),
    need(
        "Mum has a new baby and a 2 year old who needs regular hospital checks for a kidney "
        "problem. She cannot manage the buses with a pram and a toddler, and has missed clinics. "
        "The consultant has raised it as a safeguarding worry if it continues.",
        "HV has looked into volunteer driver schemes; the one in our area does not take children.",
        OTHER,
        UNDER_5,
        TRANSPORT,
        detail="The volunteer driver scheme only takes adults over 60 to their own appointments.",
    ),
    need(
        "14yo needs to get to the eating disorder clinic twice a week in another town. Parent "
        "has no transport and the clinic is over an hour away by public transport.",
        "School have let her leave early. Hospital travel costs scheme refunds fares but "
        "the family have to pay first and cannot.",
        COST,
        AGE_11_15,
        TRANSPORT,
        EMOTIONAL,
    ),
    need(
        "A child with cerebral palsy has specialist appointments at a regional hospital most "
        "months. The family's car has been written off and the wheelchair will not go in a "
        "normal taxi, so getting there is the gap.",
        "Looked into accessible taxis: around £90 each way.",
        DISTANCE,
        AGE_5_10,
        TRANSPORT,
        EQUIPMENT,
    ),
)

EVENING_YOUTH_TRANSPORT = group(
    "transport-evening-youth-club",
    "A way for a teenager in a village to get to and from an evening youth club",
    need(
        "A 13 year old living in a village outside Colne wants to go to the youth club in town on "
        "Tuesday evenings. There is no bus back after 6pm.",
        "Youth worker has tried to arrange lifts with other parents but no one lives nearby.",
        DISTANCE,
        AGE_11_15,
        TRANSPORT,
        DIVERSIONARY,
    ),
    need(
        "Young person (15) is isolated at home in a rural area. The LGBT youth group meets in "
        "the evening in the next town and she has no way of getting there or home again.",
        "Mum works nights. We looked at the community bus but it does not run in the evening.",
        DISTANCE,
        AGE_11_15,
        TRANSPORT,
    ),
    need(
        "Getting a teen from a farm to the youth centre in the evenings, the last bus goes at "
        "half five.",
        "Spoke to the youth centre, they have no minibus.",
        CAPACITY,
        AGE_11_15,
    ),
    need(
        "Boy aged 14 has been referred to an evening boxing club as diversion from getting into "
        "trouble, but it is a 40 minute drive and the family has no car. He has been to one "
        "session when his uncle could take him.",
        "The club will waive the fee. Transport is the only thing in the way.",
        OTHER,
        AGE_11_15,
        DIVERSIONARY,
        detail="The club can waive its fee but has no way to collect him.",
    ),
    need(
        "Two siblings (12 and 15) who are young people in a care-experienced family want to join "
        "the youth club on Friday nights. They would need a lift home at 9pm, which no one can do.",
        "Asked the youth service about taxis. No budget for it.",
        COST,
        AGE_11_15,
        TRANSPORT,
    ),
    need(
        "A young person with mild learning needs, aged 17, wants to go to an inclusive youth "
        "night but cannot travel on his own after dark yet. Needs a travel buddy or transport.",
        "Travel training has been requested through college but that is for daytime routes.",
        NONE_KNOWN,
        AGE_16_19,
        TRANSPORT,
        DIVERSIONARY,
    ),
)

SPEECH_THERAPY_WAIT = group(
    "speech-therapy-wait",
    "Help with a young child's speech and language while waiting for speech therapy",
    need(
        "A 3 year old has very few words and gets frustrated, hitting out at nursery. Referred to "
        "SALT in the autumn and told the wait is over a year.",
        "Nursery is using signing and a talking time group. Parents attended the drop-in once.",
        WAITING,
        UNDER_5,
    ),
    need(
        "Speech and language delay, 2½ yrs, only a handful of words. Waiting for SLT.",
        "HV did the language screening and gave the family ideas for play at home.",
        WAITING,
        UNDER_5,
        LEARNING,
    ),
    need(
        "Child in Reception cannot be understood by staff or other children. The SENCO thinks "
        "this is a speech sound disorder. He is on the speech therapy waiting list and is "
        "becoming upset and isolated.",
        "Teaching assistant does some listening games. School cannot buy in private therapy.",
        WAITING,
        AGE_5_10,
        EMOTIONAL,
    ),
    need(
        "Mum is worried her little girl (4) stammers badly and is now refusing to speak at "
        "nursery. She would like help now rather than waiting for the community speech therapy "
        "service.",
        "Private speech therapist quoted £70 a session.",
        COST,
        UNDER_5,
    ),
    need(
        "Toddler with a language delay in a bilingual household, needs speech and language "
        "support before starting school. Family were discharged from the SALT list after "
        "missing an appointment letter they could not read.",
        "Re-referral made. We are told the wait starts again.",
        OTHER,
        UNDER_5,
        LEARNING,
        detail="The letters were sent in English only and the family missed the appointment.",
    ),
    need(
        "A 5 year old was assessed as needing speech therapy for his expressive language but "
        "the service only has capacity to give the school a programme to follow, no therapy "
        "with him.",
        "School have tried the programme but do not have anyone trained to deliver it.",
        CAPACITY,
        AGE_5_10,
    ),
)

CAMHS_WAIT = group(
    "camhs-wait-interim-support",
    "Emotional support for a young person while they wait for CAMHS",
    need(
        "A Year 9 girl has been accepted by CAMHS for low mood and anxiety but the wait for "
        "treatment is about 18 months. She needs something in the meantime.",
        "School counsellor saw her for six sessions, which is all they can offer.",
        WAITING,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "15 year old on the CAMHS waiting list since last year. Mood getting worse, stopped "
        "seeing friends. Family asking what support there is while they wait.",
        "We have signposted to the online counselling service. He used it once.",
        WAITING,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Interim support needed for a child (11) waiting for a CAMHS appointment after a "
        "referral for obsessive behaviours. Parents don't know how to respond to the rituals.",
        "GP referred. The CAMHS single point of access sent a self-help leaflet.",
        WAITING,
        AGE_11_15,
        PARENTING,
    ),
    need(
        "Young person aged 16 accepted for CAMHS trauma work, waiting time 12+ months. Needs "
        "a holding service, someone to keep in touch with her weekly until she is seen.",
        "College wellbeing team cannot offer weekly contact.",
        CAPACITY,
        AGE_16_19,
        EMOTIONAL,
    ),
    need(
        "Our pupil has been waiting a very long time for camhs and the family feel forgotten. "
        "He is anxious, panicking in lessons, and his attendance is dropping. What can we offer "
        "until he reaches the top of the list?",
        "Pastoral support plan and a time-out card.",
        OTHER,
        AGE_11_15,
        detail="CAMHS will not give a date and we cannot find anything to bridge the wait.",
    ),
    need(
        "Interim emotional wellbeing support for a 13 yr old on the CAMHS list (anxiety).",
        "Nothing yet.",
        WAITING,
        AGE_11_15,
    ),
)

SELF_HARM_BELOW_THRESHOLD = group(
    "self-harm-below-camhs-threshold",
    "Support for a young person who self-harms but is below the CAMHS threshold",
    need(
        "A 14 year old has been cutting her arms. CAMHS assessed her and said the harm is low "
        "risk and she does not meet their threshold. She and her mum need support to reduce the "
        "self-harm.",
        "School nurse gave first aid advice and a safety plan.",
        ELIGIBILITY,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "Young person (16) self harming - scratching and burning. Not open to CAMHS as not "
        "deemed high risk. Would benefit from a group or worker that specialises in self-harm.",
        "Seen in A&E once. Discharged with the crisis number.",
        ELIGIBILITY,
        AGE_16_19,
    ),
    need(
        "Boy in Year 8 has disclosed that he hurts himself when he is stressed. He was turned "
        "down by camhs because he has no plans to end his life. Parents are frightened and do "
        "not know what to say to him.",
        "Referred to the school counsellor, who has a waiting list. Parents given online guides.",
        ELIGIBILITY,
        AGE_11_15,
        EMOTIONAL,
        PARENTING,
    ),
    need(
        "Self harm support for a teenager who is not eligible for CAMHS.",
        "Early help assessment done.",
        NONE_KNOWN,
        AGE_11_15,
    ),
    need(
        "A 15 yr old girl has been self-injuring for about six months, mostly at night. Her GP "
        "referred to CAMHS who signposted back. She has said she would talk to someone outside "
        "school but not a counsellor in school where her friends would see.",
        "Kooth account set up. She does not like typing her feelings.",
        OTHER,
        AGE_11_15,
        detail="She refuses anything based in school and there is nothing else local for her age.",
    ),
    need(
        "Sixth former who self-harms and whose harming has gone up since exams. CAMHS threshold "
        "not met. Needs regular one to one support from someone who understands self-harm.",
        "Mentoring from a member of staff. Family have been to the GP together.",
        CAPACITY,
        AGE_16_19,
        EMOTIONAL,
    ),
)

SHORT_BREAKS = group(
    "short-breaks-disabled-child",
    "Short breaks for the family of a disabled child who do not meet social care criteria",
    need(
        "Parents of a 9 year old with autism and severe learning disability are exhausted. He "
        "sleeps 3-4 hours a night and needs constant supervision. They need a short break.",
        "Assessed by the disabled children's team and told he does not meet the threshold for "
        "overnight short breaks.",
        ELIGIBILITY,
        AGE_5_10,
        CHILDCARE,
    ),
    need(
        "Respite for a single mum caring for a child with complex health needs (tube fed). She "
        "has had no time off in two years.",
        "Family link carer scheme has no carers with the medical training.",
        CAPACITY,
        AGE_5_10,
        CHILDCARE,
    ),
    need(
        "A teenager with Down's syndrome, aged 15. The family would like him to go to a Saturday "
        "club for disabled young people so they get a few hours' respite and he sees friends.",
        "The Saturday club is full. The other one is outside the county.",
        CAPACITY,
        AGE_11_15,
        CHILDCARE,
        DIVERSIONARY,
    ),
    need(
        "Short breaks for parents of 2 disabled children (ADHD + ASD, both with challenging "
        "behaviour). Carers are at breaking point and their marriage is under strain.",
        "Local offer checked. The holiday scheme costs more than the family can pay.",
        COST,
        AGE_5_10,
    ),
    need(
        "Family of a child with a life-limiting condition need a break. Mum and dad take turns "
        "staying awake at night to do his suction.",
        "Children's hospice offers some respite but has a long waiting list.",
        WAITING,
        AGE_5_10,
        CHILDCARE,
    ),
    need(
        "carers of a little girl aged 4 with global developmental delay need some respite, "
        "even a few hours a week. She cannot go to an ordinary nursery or a childminder.",
        "Asked for a carers assessment through adult social care.",
        OTHER,
        UNDER_5,
        CHILDCARE,
        detail="No childminder in the area will take a child with her needs.",
    ),
)

CHILDCARE_FOR_WORK = group(
    "childcare-return-to-work",
    "Affordable childcare so a parent can go back to work or training",
    need(
        "A lone parent has been offered a job but cannot start it without childcare for her 18 "
        "month old. She is not yet entitled to free hours.",
        "Looked at nurseries: all want a month's fees in advance.",
        COST,
        UNDER_5,
        CHILDCARE,
    ),
    need(
        "Dad has a place on an apprenticeship but needs before and after school care for his two "
        "children (6 and 8). The breakfast club is full.",
        "School has put them on the waiting list for breakfast club.",
        CAPACITY,
        AGE_5_10,
        CHILDCARE,
    ),
    need(
        "Mum wants to return to her job as a care worker after maternity leave but her shifts "
        "start at 7am and no nursery opens that early. Without work the family will fall into "
        "arrears.",
        "Family support worker has looked for childminders who do early starts.",
        NONE_KNOWN,
        UNDER_5,
    ),
    need(
        "Childcare costs for a 2 yr old so that parent can attend a college course (level 2 "
        "maths/English).",
        "College has no crèche. Learner support fund only covers children over 3.",
        ELIGIBILITY,
        UNDER_5,
        CHILDCARE,
        LEARNING,
    ),
    need(
        "Parent working zero-hours contract needs flexible childcare for a 3 year old. Shifts "
        "come at short notice and nurseries want fixed sessions booked in advance.",
        "Applied for tax-free childcare; the problem is finding a setting not paying for it.",
        OTHER,
        UNDER_5,
        detail="Every setting we found only takes fixed sessions booked a term ahead.",
    ),
    need(
        "After the relationship ended, mum needs to go back to full time work and has no "
        "family nearby. Three kids, the youngest not yet at school. The cost of childcare is "
        "more than her wage.",
        "Benefits check done. Universal Credit childcare element explained but paid in arrears.",
        COST,
        MIXED,
        CHILDCARE,
    ),
)

ESOL_PARENT = group(
    "esol-for-parent",
    "ESOL classes for a parent with little English, so they can take part in the child's care",
    need(
        "Mum speaks very little English and relies on her 10 year old to translate at the GP and "
        "parents' evening. She wants to learn English but needs a class with a crèche.",
        "Enquired at adult learning; the ESOL class with a crèche is full.",
        CAPACITY,
        AGE_5_10,
        LEARNING,
    ),
    need(
        "Dad recently arrived in the UK with the family. No English. Needs ESOL entry level "
        "so he can speak to school and look for work.",
        "College ESOL waiting list, told to reapply in September.",
        WAITING,
        MIXED,
        LEARNING,
    ),
    need(
        "Parents of a child with additional needs cannot follow what professionals say in TAC "
        "meetings even with an interpreter, and want to learn English themselves.",
        "Interpreters booked for meetings. Online English apps tried but they have no internet "
        "at home.",
        OTHER,
        AGE_5_10,
        LEARNING,
        PARENTING,
        detail="The classes near them are evening only and the parents cannot leave the child.",
    ),
    need(
        "english lessons for a mother who cannot read letters from the HV or school",
        "Asked the children's centre, they stopped their conversation club.",
        NONE_KNOWN,
        UNDER_5,
    ),
    need(
        "A mum who fled with her children from overseas has no English and is very isolated. "
        "Learning the language would help her to use services and make friends. She can only "
        "attend in school hours.",
        "Referred to the refugee charity; their ESOL is for people with refugee status only and "
        "she is still waiting for a decision.",
        ELIGIBILITY,
        MIXED,
    ),
    need(
        "ESOL for parent - the nearest class is a bus ride away and she has a baby.",
        "Gave details of the class. She cannot afford the bus fare every week.",
        DISTANCE,
        UNDER_5,
        LEARNING,
        TRANSPORT,
    ),
)

PARENT_LITERACY = group(
    "parent-literacy",
    "Help for an English-speaking parent who cannot read well to support their child's learning",
    need(
        "Dad has told the school he cannot read or write well and feels ashamed that he cannot "
        "help his son with reading homework. He would like to improve his own reading.",
        "Teacher offered to send home picture books. Dad would like help for himself.",
        NONE_KNOWN,
        AGE_5_10,
        LEARNING,
    ),
    need(
        "Parent with poor literacy, misses appointments because she cannot read the letters. "
        "Wants adult literacy support but is embarrassed to go to a college.",
        "HV reads letters with her when visiting.",
        OTHER,
        UNDER_5,
        LEARNING,
        detail="She will not go to a college and no one offers literacy in the community here.",
    ),
    need(
        "Mum of three left school at 14 and struggles with reading and numbers. She wants to be "
        "able to help with the kids' schoolwork and fill in forms herself.",
        "Adult learning offer checked: the literacy class is full until next term.",
        CAPACITY,
        MIXED,
        LEARNING,
        PARENTING,
    ),
    need(
        "A parent with dyslexia (undiagnosed until adulthood) needs basic skills support so she "
        "can read with her Year 1 daughter.",
        "Library reading scheme for families tried; the parent felt she was being judged.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "family learning: a father who can't read well wants to learn alongside his child",
        "School has no family learning course this year.",
        CAPACITY,
        AGE_5_10,
        LEARNING,
    ),
    need(
        "Adult literacy for a young parent (19) who never learnt to read properly. She has a "
        "toddler and wants to read to him and later get a job.",
        "Jobcentre course is online only and she needs someone sitting with her.",
        OTHER,
        UNDER_5,
        detail="The only course on offer is online and she cannot read well enough to use it.",
    ),
)

YOUNG_CARER_PARENT = group(
    "young-carer-of-parent",
    "Support and breaks for a young carer who looks after an ill or disabled parent",
    need(
        "A 12 year old does most of the cooking and looks after his mum, who has MS. He is "
        "tired at school and has no time with friends. He needs young carers support.",
        "Referred to the young carers service, which has a waiting list for assessments.",
        WAITING,
        AGE_11_15,
    ),
    need(
        "Young carer (9) for dad who has severe depression. She gets her little brother ready "
        "for school each day. Needs a break and someone to talk to.",
        "School has identified her as a young carer and she has a lunchtime check-in.",
        CAPACITY,
        AGE_5_10,
        CHILDCARE,
        EMOTIONAL,
    ),
    need(
        "A teenager caring for a parent after a stroke is missing college. She would like to "
        "go to a young carers group but it meets in the day and she cannot leave her mum.",
        "Adult social care assessment of mum requested so there is some cover.",
        OTHER,
        AGE_16_19,
        detail="The group meets when she would need to be home with her mum.",
    ),
    need(
        "yp aged 14 caring for mum with chronic pain & alcohol issues. Late for school most "
        "days. Would love to go on young carers trips but none this year.",
        "Young carers card given. Trips programme cut.",
        CAPACITY,
        AGE_11_15,
        DIVERSIONARY,
    ),
    need(
        "Child in Year 6 helps her blind mother with shopping, letters and medication. She is "
        "anxious about starting high school and leaving her mum alone. We think she needs "
        "support as a young carer.",
        "TAC set up. The young carers project only starts at 11.",
        ELIGIBILITY,
        AGE_5_10,
    ),
    need(
        "Breaks and peer support for a young carer who looks after a disabled parent.",
        "Young carers assessment done, on the list for a group.",
        WAITING,
        AGE_11_15,
        CHILDCARE,
    ),
)

PARENTAL_SUBSTANCE_MISUSE = group(
    "child-living-with-parental-substance-misuse",
    "Support for a child living with a parent's drinking or drug use",
    need(
        "A 10 year old lives with her dad, who drinks heavily in the evenings. She worries "
        "about him and is frightened when he is drunk. She needs support for children affected "
        "by a parent's alcohol use.",
        "Dad is engaging with the adult alcohol service. Nothing has been offered to the child.",
        NONE_KNOWN,
        AGE_5_10,
        EMOTIONAL,
    ),
    need(
        "Hidden harm: two children (8 & 12) living with mum's heroin use. Mum is on a "
        "methadone script. Children need a space to talk about it.",
        "Drug service family worker post is vacant.",
        CAPACITY,
        MIXED,
    ),
    need(
        "Teenager (15) whose parents both use cannabis and cocaine at home. He is angry, "
        "staying out late and says no one listens. He would like to talk to someone who gets it.",
        "Stepped down from social care. Parents declined the parenting course.",
        OTHER,
        AGE_11_15,
        EMOTIONAL,
        detail="The young people's service only works with teenagers using drugs themselves.",
    ),
    need(
        "children affected by parental alcohol misuse - no group in district",
        "Asked the school nursing team; the group they ran ended with the funding.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "Child in Year 4 has said that mummy sleeps all day and there are bottles everywhere. "
        "He is often hungry and late. The family need help as a whole but he needs his own "
        "support to understand his mum's drinking.",
        "CAF completed, TAC meeting arranged. Mum has agreed to see her GP.",
        WAITING,
        AGE_5_10,
        PARENTING,
    ),
    need(
        "A 13 year old girl who has grown up with her mother's drug addiction is now refusing "
        "school. She needs specialist support about the impact of parental substance misuse.",
        "School counsellor tried but she did not want to talk in school.",
        ELIGIBILITY,
        AGE_11_15,
    ),
)

DA_RECOVERY_CHILDREN = group(
    "domestic-abuse-recovery-children",
    "A recovery programme for children who have lived with domestic abuse at home",
    need(
        "Three children (5, 7 and 10) have moved with mum to a refuge after years of domestic "
        "abuse by dad. The 7 year old is wetting and the 10 year old is aggressive. They need "
        "a children's recovery programme.",
        "Mum is on the Freedom Programme. The refuge children's worker has left.",
        CAPACITY,
        AGE_5_10,
        EMOTIONAL,
    ),
    need(
        "Child (8) witnessed DV incidents, police attended several times. Now safe, dad has "
        "left. Needs therapeutic support to recover.",
        "Domestic abuse service children's group: waiting list of 9 months.",
        WAITING,
        AGE_5_10,
    ),
    need(
        "The children have seen their father assault their mother. School has noticed the "
        "elder (Year 7) startles easily and cannot concentrate. Mum asks what help there is "
        "for children after domestic violence.",
        "Operation Encompass notifications received by school. Pastoral support in place.",
        NONE_KNOWN,
        AGE_11_15,
        EMOTIONAL,
        PARENTING,
    ),
    need(
        "A 4 year old who lived with domestic abuse from birth shows trauma signs at nursery: "
        "hiding under tables, screaming at loud noises. Needs help to recover from what he saw "
        "at home.",
        "The recovery group is for children aged 7 and over.",
        ELIGIBILITY,
        UNDER_5,
    ),
    need(
        "Mum and kids out of an abusive relationship, kids need support to process what "
        "happened. 6 and 9.",
        "IDVA worked with mum. The children were not offered anything.",
        OTHER,
        AGE_5_10,
        detail="The children's programme runs only in the south of the county.",
    ),
    need(
        "Support for a child recovering from domestic abuse in the home, including work with "
        "mum together so they can rebuild their relationship.",
        "Referred to children's social care; closed at assessment as the abuser has left.",
        ELIGIBILITY,
        AGE_5_10,
        PARENTING,
    ),
)

TEEN_RELATIONSHIP_ABUSE = group(
    "teen-relationship-abuse",
    "Support for a teenager in a controlling or abusive relationship of their own",
    need(
        "A 15 year old girl is in a relationship with an 18 year old who checks her phone, tells "
        "her what to wear and has pushed her. She does not see it as abuse. She needs "
        "specialist support about healthy relationships.",
        "School did a lesson on healthy relationships. The young person's IDVA only takes high "
        "risk cases.",
        ELIGIBILITY,
        AGE_11_15,
    ),
    need(
        "Young person (17) experiencing abuse from her boyfriend: controlling, threats, "
        "isolating her from her friends. Needs teen domestic abuse support.",
        "Risk assessment done (medium). Signposted to the national helpline.",
        ELIGIBILITY,
        AGE_16_19,
        EMOTIONAL,
    ),
    need(
        "Boy aged 16 is being controlled by his girlfriend, who threatens to self-harm if he "
        "sees his friends. He told his youth worker he feels trapped.",
        "Youth worker has talked with him about relationships. Nothing specialist known for boys.",
        NONE_KNOWN,
        AGE_16_19,
    ),
    need(
        "Year 10 pupil, we believe she is in an abusive relationship with an older lad. "
        "Parents worried. Help needed for her to see what is happening and to keep safe.",
        "Police spoken to. No offence they can act on at this stage.",
        OTHER,
        AGE_11_15,
        PARENTING,
        detail="The teenage relationship abuse project lost its funding last year.",
    ),
    need(
        "Healthy relationships 1:1 work for a 14 yo in a coercive relationship.",
        "Nothing tried yet.",
        NONE_KNOWN,
        AGE_11_15,
        EMOTIONAL,
    ),
    need(
        "A young mum of 18 is being abused by her baby's father, also a teenager. Adult "
        "services see her as too young for their groups and the children's services see her as "
        "an adult. She needs support suited to a young person experiencing abuse.",
        "MARAC not met. The adult recovery group is full of older women and she left.",
        ELIGIBILITY,
        AGE_16_19,
    ),
)

SLEEP = group(
    "child-sleep-problems",
    "Help for a family whose child does not sleep",
    need(
        "A 6 year old with ADHD wakes 4 or 5 times a night and the whole family is exhausted. "
        "Parents need advice and support from a sleep practitioner.",
        "GP has declined melatonin until the sleep routine has been worked on.",
        NONE_KNOWN,
        AGE_5_10,
        PARENTING,
    ),
    need(
        "Toddler (2) will not settle at bedtime and is up for hours in the night. Mum is "
        "depressed from lack of sleep.",
        "HV gave a sleep diary and routine advice. Nothing has changed.",
        CAPACITY,
        UNDER_5,
    ),
    need(
        "Child aged 9 with autism sleeps only a few hours; up at 3am every day. Sleep clinic "
        "referral made but the wait is long.",
        "Weighted blanket tried. Blackout blind fitted.",
        WAITING,
        AGE_5_10,
    ),
    need(
        "Sleep support for a family - 4 yr old who won't go to sleep without dad lying next to "
        "her, which takes 2 hours every night.",
        "Parenting course done, the sleep session was one evening.",
        NONE_KNOWN,
        UNDER_5,
        PARENTING,
    ),
    need(
        "Boy in Year 2 is falling asleep in class. Mum says he is awake half the night with "
        "night terrors and will not stay in his own bed. She would like expert help with sleep.",
        "School nurse did a sleep questionnaire. The sleep charity's workshops cost money.",
        COST,
        AGE_5_10,
    ),
    need(
        "Parents of a child with severe learning disabilities need a sleep assessment and a "
        "plan; poor sleep is making his behaviour in the day worse.",
        "Paediatrician aware. Community nursing team have no sleep service.",
        OTHER,
        AGE_5_10,
        PARENTING,
        detail="The sleep clinic is for children under the paediatrician and he is not.",
    ),
)

BEDWETTING = group(
    "bedwetting",
    "Help for an older child who still wets the bed at night",
    need(
        "A 9 year old still wets the bed most nights. He will not go on a school residential "
        "because he is embarrassed. He needs help from an enuresis service.",
        "GP said to wait and see. School nurse gave a leaflet.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "Nocturnal enuresis in an 11 yo, waiting for the continence clinic.",
        "Fluid diary done with the school nurse. Alarm not yet tried.",
        WAITING,
        AGE_11_15,
    ),
    need(
        "Bedwetting every night, child aged 7. Mum washing sheets daily and cannot afford the "
        "electricity. She is getting cross with him and it is affecting them both.",
        "Parent has asked for a bedwetting alarm but the service has none to lend.",
        CAPACITY,
        AGE_5_10,
        EQUIPMENT,
    ),
    need(
        "A 13 year old girl who has never been dry at night. She is ashamed and has stopped "
        "having friends round. She needs a specialist bladder and bowel clinic.",
        "Referral made to paediatrics; returned as it should go to the school nurse service.",
        OTHER,
        AGE_11_15,
        EMOTIONAL,
        detail="Paediatrics and the school nurse service each say it is for the other.",
    ),
    need(
        "night wetting, 8 yr old, dad wants to know what he can do",
        "Talked through reward charts.",
        NONE_KNOWN,
        AGE_5_10,
        PARENTING,
    ),
    need(
        "A child in Year 4 in foster care, wetting at night since moving. Carers need support "
        "and an alarm.",
        "Looked after children nurse has referred. 6 month wait.",
        WAITING,
        AGE_5_10,
    ),
)

DEBT_BUDGETING = group(
    "debt-budgeting-advice",
    "Debt advice and help with budgeting for a family in financial trouble",
    need(
        "Family are in rent arrears and have several payday loans. Mum does not open the post "
        "any more. They need debt advice and someone to help with a budget.",
        "Gave the number for the debt advice charity; mum did not ring.",
        CAPACITY,
        MIXED,
    ),
    need(
        "Budgeting support needed for a young couple with a baby. They run out of money in the "
        "second week of every month and use the food bank.",
        "Food bank vouchers given three times this year.",
        NONE_KNOWN,
        UNDER_5,
        PARENTING,
    ),
    need(
        "Dad has gambling debts that mum has only just found out about. Bailiffs have been to "
        "the house. The children are scared when people knock on the door.",
        "Citizens Advice appointment booked; the first one is in seven weeks.",
        WAITING,
        AGE_5_10,
    ),
    need(
        "Lone parent on UC with council tax debt and energy arrears - needs face to face help "
        "to sort her money out. The stress is affecting her mental health and the kids.",
        "Council's welfare rights line tried. She found it hard to follow on the phone.",
        OTHER,
        MIXED,
        EMOTIONAL,
        detail="Advice is by phone only and she needs someone to sit with her and the letters.",
    ),
    need(
        "money management course for a parent who has never budgeted before",
        "Nothing tried.",
        NONE_KNOWN,
        AGE_5_10,
    ),
    need(
        "A mum of four is being taken to court over unpaid bills and has had her gas cut off. "
        "She needs urgent help with her debts. The family are eating cold food.",
        "Emergency fuel voucher given. Debt advice agency has no appointments this month.",
        CAPACITY,
        MIXED,
        PARENTING,
    ),
)

BEDS = group(
    "beds-for-children",
    "Beds and bedding for children who have nowhere proper to sleep",
    need(
        "Three children are sharing one mattress on the floor since the family moved into an "
        "unfurnished flat. They need beds and bedding.",
        "Applied to the council's crisis fund: furniture is not covered this year.",
        ELIGIBILITY,
        AGE_5_10,
        EQUIPMENT,
    ),
    need(
        "A 14 year old boy has been sleeping on the settee for months as there is no bed for him. "
        "He is tired in school and embarrassed.",
        "Mum has asked the furniture charity, who have a waiting list.",
        WAITING,
        AGE_11_15,
        EQUIPMENT,
    ),
    need(
        "Toddler has outgrown her cot and has nowhere to sleep. Family cannot afford a bed.",
        "HV asked the baby bank but they do not do beds.",
        COST,
        UNDER_5,
    ),
    need(
        "Beds needed for 2 kids (6 & 9), currently top and tailing in the parent's bed. "
        "Family on a very low income after dad left.",
        "Local welfare scheme refused. Family asked relatives.",
        COST,
        AGE_5_10,
        EQUIPMENT,
    ),
    need(
        "After fleeing domestic abuse mum and her children have a tenancy but no furniture. The "
        "children sleep on coats on the floor. The most urgent thing is beds.",
        "Refuge gave some bedding. The resettlement grant is being processed but takes weeks.",
        OTHER,
        MIXED,
        detail="The grant takes about eight weeks and the children need beds now.",
    ),
    need(
        "A teenager with a bad back, sleeping on a broken bed with no mattress. Needs a new bed "
        "and mattress.",
        "School hardship fund is for uniform only.",
        ELIGIBILITY,
        AGE_11_15,
        EQUIPMENT,
    ),
)

HOME_SAFETY = group(
    "home-safety-equipment",
    "Safety equipment in the home for a baby or toddler: stair gates, fireguard, car seat",
    need(
        "Baby has just started crawling and there are steep stairs and an open fire in the "
        "house. The family need stair gates and a fireguard.",
        "HV gave safety advice. The home safety scheme that fitted gates has ended.",
        NONE_KNOWN,
        UNDER_5,
        EQUIPMENT,
    ),
    need(
        "Car seat for a newborn - parents have a lift home from hospital but no seat.",
        "Baby bank has no car seats in stock.",
        CAPACITY,
        UNDER_5,
        EQUIPMENT,
    ),
    need(
        "Toddler aged 20 months has twice got out of the front door onto a busy road. Mum needs "
        "a door lock and a gate. She cannot afford to buy them.",
        "Landlord will not fit anything.",
        COST,
        UNDER_5,
    ),
    need(
        "Family with a 2 year old and a baby need home safety equipment: a fireguard, cupboard "
        "locks and window restrictors (third floor flat).",
        "Fire service did a home safety check and gave smoke alarms only.",
        OTHER,
        UNDER_5,
        EQUIPMENT,
        detail="The fire service can fit smoke alarms but not window restrictors or gates.",
    ),
    need(
        "A child with autism (5) climbs and has pulled a TV over. He needs safety equipment at "
        "home such as furniture straps and a safe space.",
        "OT referral made for a specialist bed; the wait is a year.",
        WAITING,
        AGE_5_10,
    ),
    need(
        "Stairgate + playpen for a young mum with twins, no money for them.",
        "Asked the children's centre. Nothing.",
        COST,
        UNDER_5,
        EQUIPMENT,
        PARENTING,
    ),
)

DEV_GROUPS = (
    CHILD_BEREAVEMENT,
    PARENT_GRIEF,
    HOSPITAL_TRANSPORT,
    EVENING_YOUTH_TRANSPORT,
    SPEECH_THERAPY_WAIT,
    CAMHS_WAIT,
    SELF_HARM_BELOW_THRESHOLD,
    SHORT_BREAKS,
    CHILDCARE_FOR_WORK,
    ESOL_PARENT,
    PARENT_LITERACY,
    YOUNG_CARER_PARENT,
    PARENTAL_SUBSTANCE_MISUSE,
    DA_RECOVERY_CHILDREN,
    TEEN_RELATIONSHIP_ABUSE,
    SLEEP,
    BEDWETTING,
    DEBT_BUDGETING,
    BEDS,
    HOME_SAFETY,
)
