#!/usr/bin/env python3
"""Write the veterans' health FAQ plain-text document (answers hard-wrapped at 75 characters with textwrap).

Adapted from the Quenmoor and Allerstow kit's build_faq.py (blind19).
Run with any Python 3:  python3 build_faq.py
"""
from pathlib import Path
import textwrap
head = """Health services for armed forces veterans and their families
Frequently asked questions

NHS Caddisford and Yelverstow Integrated Care Board, Armed Forces Health Team
Last updated: 1 July 2027
"""
qa = [
("Who counts as a veteran?",
 "In the NHS, you are a veteran if you have served in the armed forces for at least one day. This includes people who served in the Reserves and people who did National Service. About 14,500 veterans live in Caddisford and Yelverstow."),
("Why should I tell my GP practice that I have served?",
 "Telling your GP practice means they can add this to your health record. It helps your GP to understand your health and to refer you to services for veterans. Some health problems, such as hearing loss, joint injuries or stress, can be linked to service, sometimes many years later. You can tell the receptionist, or say so on the new patient form when you register."),
("What is a veteran friendly GP practice?",
 "A veteran friendly GP practice has a named clinical lead for veterans, has trained its staff about the needs of people who have served, and knows how to refer to the services on this sheet. 41 of the 58 GP practices in Caddisford and Yelverstow are accredited as veteran friendly, and we want every practice to be accredited by April 2028. Accredited practices show a blue Veteran Friendly badge on their website and at reception."),
("What does the Forces Wellbeing Service do?",
 "The Forces Wellbeing Service is a free NHS mental health service for veterans, members of the Reserves and people who are about to leave the armed forces. It is run by Yelverstow Community Health NHS Trust, and many of its staff have served themselves or have worked with the armed forces. It helps with problems such as stress, anxiety, low mood, anger, sleep problems and difficulties after traumatic experiences. Everyone is offered a first assessment within 2 weeks of contacting the service."),
("How do I contact the Forces Wellbeing Service?",
 "You can refer yourself. Phone 01632 960745 or email forceswellbeing@ych-nhs.example. A family member, your GP or a veterans' charity can also contact the service for you, with your agreement. Appointments take place at Drill Hall House in Caddisford, at your GP practice or by video call."),
("What help is there for my family?",
 None),
("Is there help with injuries or physical health problems from my service?",
 "Yes. If you have a physical health problem that may be linked to your service, your GP can refer you to the Veterans Physical Health Clinic at Caddisford General Hospital. The clinic sees people with problems such as joint and back injuries, amputations and hearing loss, and can arrange physiotherapy and specialist assessments. Veterans should get priority NHS care for conditions linked to their service, depending on clinical need."),
("Is there somewhere I can drop in and meet other veterans?",
 "Yes. The Caddisford Veterans' Hub meets every Saturday, 9am to 11am, at Drill Hall House, Barrow Street, Caddisford QY1 6PE. It is run by volunteers and serves a free breakfast. A nurse from the Forces Wellbeing Service visits on the first Saturday of each month to offer blood pressure checks and a chat about your health. Family members are welcome."),
("I am leaving the armed forces soon. What should I do about my health care?",
 "Register with a GP practice near where you will live before you leave, and tell them you are leaving the armed forces. Ask your military medical centre for a copy of your service medical summary and take it to your first appointment at your new practice. If you are on a waiting list for treatment, tell your new GP so you do not lose your place."),
("Is there help with alcohol or drugs?",
 "Yes. Forward Steps Yelverstow is a free service for adults who want to cut down or stop drinking or using drugs, and it has a worker who supports veterans. You can refer yourself on 01632 960768."),
("Who leads this work at the ICB?",
 "Our Armed Forces Health Lead is Rhiannon Achterberg-Lowe, who served for 22 years in the Royal Army Medical Corps. She works with GP practices, hospitals, the council and local veterans' charities."),
("How can I have a say about veterans' health services?",
 "Join our Veterans' Health Forum. It meets four times a year, at Drill Hall House or online, and helps us to plan and check services. Members can claim travel expenses. To join, contact the Armed Forces Health Team."),
]
family = ["a family support worker at the Forces Wellbeing Service, who can see partners and adult children of veterans",
 "a monthly support group for partners of veterans, held at Drill Hall House",
 "young carers support for children who help to look after a parent who has served, through Caddisford Young Carers",
 "help from the council's Armed Forces Champion with housing, schools and benefits"]
out = [head]
for i, (q, a) in enumerate(qa, 1):
    out.append(f"Q{i}. {q}")
    if a is None:
        out.append(textwrap.fill("Families can be affected by service life too. Support for partners, children and other family members includes:", 75))
        for r in family:
            out.append(textwrap.fill(r, 75, initial_indent="  - ", subsequent_indent="    "))
        out.append(textwrap.fill("Family members can also get help from their own GP practice.", 75))
    else:
        out.append(textwrap.fill(a, 75))
    out.append("")
out.append("""Contact the Armed Forces Health Team
Phone: 01632 960740 (Monday to Friday, 9am to 5pm)
Email: armedforces@cy-icb.example
Post: Armed Forces Health Team, NHS Caddisford and Yelverstow ICB,
Pennicott Chambers, 4 Minster Row, Caddisford QY1 2AD""")
open(Path(__file__).resolve().parent / "corpus" / "cdy-veterans-health-faq.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")
