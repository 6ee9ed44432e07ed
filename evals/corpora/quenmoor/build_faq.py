#!/usr/bin/env python3
"""Write the volunteering FAQ plain-text document (answers hard-wrapped at 75 characters with textwrap).

Run with any Python 3:  python3 build_faq.py
"""
from pathlib import Path
import textwrap
head = """Volunteering at Quenmoor and Allerstow hospitals
Frequently asked questions

Quenmoor and Allerstow Hospitals NHS Foundation Trust, Voluntary Services
Supported by NHS Quenmoor and Allerstow Integrated Care Board
Last updated: 21 April 2027
"""
qa = [
("What do hospital volunteers do?",
 "Volunteers give their time to make a stay in hospital a little easier for patients, families and visitors. They do not do clinical tasks or replace paid staff. We currently have 412 volunteers at Allerstow General Hospital and Quenmoor Royal Infirmary, and we would like to welcome 150 more by March 2028."),
("What roles can I choose from?",
 None),
("Who can volunteer?",
 "You can volunteer if you are aged 16 or over. There is no upper age limit. Volunteers aged 16 or 17 join our Young Volunteers programme and can only take some roles, such as garden volunteer and wayfinding guide. They need a parent or carer consent form signed before they start, and get a certificate after 60 hours of volunteering."),
("How much time do I need to give?",
 "We ask for at least 3 hours a week, for at least 6 months. Most roles have set shifts in the morning, afternoon or early evening, and you agree your shift pattern with the Voluntary Services team."),
("What checks will I need?",
 "Every volunteer needs two references, a health questionnaire from our occupational health team and a DBS check. We pay for the DBS check, so it is free to you. The checks usually take 6 to 8 weeks from the day we receive your application form."),
("Is there any training?",
 "Yes. Everyone goes to a one-day induction before starting. Inductions are held on the first Saturday of each month, 9.30am to 3.30pm, in the Learning Centre at Allerstow General Hospital. You will also have a short training session on the ward or in the department where you volunteer."),
("Will I get a uniform?",
 "Yes. We give every volunteer a teal polo shirt and a lanyard with a photo ID badge. Please wear dark trousers or a skirt and comfortable, closed shoes."),
("Will volunteering cost me anything?",
 "No. We pay back bus and train fares to and from your shift, or 25p a mile if you drive. If your shift is 4 hours or longer, you will get a £5.50 meal voucher for the staff restaurant or hospital coffee shop."),
("Will volunteering affect my benefits?",
 "Volunteering should not affect your benefits as long as you only receive expenses. You should tell the office that pays your benefits that you are volunteering."),
("Can I volunteer if I have been a patient?",
 "Yes. Many of our volunteers have been patients themselves or have had family in hospital. We ask you to wait until you feel ready, and you can talk this through with us first."),
("Who runs Voluntary Services?",
 "The team is led by Priya Venkatesan-Holt, Voluntary Services Manager, with two volunteer coordinators. Our office is at Allerstow General Hospital but volunteers work at both hospitals."),
("Can my company volunteer as a group?",
 "We welcome groups of up to 8 people for one-off days, mostly in the hospital gardens, including the Healing Garden at Allerstow General Hospital. Group days take place between April and October. Please contact us at least 2 months ahead."),
("How do I apply?",
 "Fill in the application form at qal-hospitals.example/volunteer, or ask us to post you a paper copy. We hold a drop-in information session for people thinking about volunteering on the last Wednesday of each month, 5pm to 6.30pm, in the main entrance at Quenmoor Royal Infirmary."),
]
roles = ["ward mealtime helper, helping patients to open packs and get comfortable to eat",
 "wayfinding guide, meeting visitors at the main entrance and showing them the way",
 "discharge lounge companion, keeping patients company while they wait to go home",
 "garden volunteer in the Healing Garden at Allerstow General Hospital",
 "chaplaincy visitor, visiting patients who would like someone to talk to",
 "book and magazine trolley volunteer"]
out = [head]
for i, (q, a) in enumerate(qa, 1):
    out.append(f"Q{i}. {q}")
    if a is None:
        out.append("We have roles to suit different interests. At the moment they include:")
        for r in roles:
            out.append(textwrap.fill(r, 75, initial_indent="  - ", subsequent_indent="    "))
        out.append(textwrap.fill("Roles vary between the two hospitals, and not every role has spaces all year.", 75))
    else:
        out.append(textwrap.fill(a, 75))
    out.append("")
out.append("""Contact Voluntary Services
Phone: 01632 960427 (Monday to Friday, 9am to 4pm)
Email: volunteers@qal-hospitals.example
Post: Voluntary Services Office, Allerstow General Hospital, Fellgate Road,
Allerstow XK8 4HN""")
open(Path(__file__).resolve().parent / "corpus" / "qal-hospital-volunteering-faq.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")
