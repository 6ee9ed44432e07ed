#!/usr/bin/env python3
"""Write questions.jsonl for the Dunmarrow and Keswyn kit (blind22). Run: python3 make_questions.py"""
import json
from pathlib import Path

NW, PG, RG, FQ, PL, MM = ("dmk-linden-room-news", "dmk-spiritual-care-info-page", "dmk-research-taking-part-guide",
                          "dmk-health-records-faq", "dmk-teledermatology-plan", "dmk-cycle-to-work-staff-memo")

def q(question, sources, facts, category, audience=None, history=None):
    d = {"question": question, "answerable": category != "unanswerable", "expected_sources": sources,
         "expected_facts": facts, "category": category}
    if audience: d["audience"] = audience
    if history: d["history"] = [{"role": r, "content": c} for r, c in history]
    return d

U = lambda text, audience=None: q(text, [], [], "unanswerable", audience)

items = [
    # factual (12): 4 two-part, 2 staff
    q("When does the Linden Room multi-faith centre open, and where in Dunmarrow General Hospital will I find it?",
      [NW, PG], ["Monday 7 June 2027|7 June 2027", "Wren Wing"], "factual"),
    q("How much did the Linden Room cost to build, and how much of that did the Brightwater Hospitals Charity raise?",
      [NW], ["£620,000", "£380,000"], "factual"),
    q("How long does the ICB have to send me my records after I make a subject access request?",
      [FQ], ["one calendar month"], "factual"),
    q("Do I have to pay to get a copy of the records the ICB holds about me?",
      [FQ], ["free of charge"], "factual"),
    q("How many skin photo hubs are planned, and which two will open first?",
      [PL], ["five skin photo hubs", "Pennacott Medical Centre", "Shalbrook Health Centre"], "factual"),
    q("Once my skin photos have been taken, how long will the consultant take to look at them?",
      [PL], ["within 10 working days"], "factual"),
    q("How old do you have to be to join HealthStudy Connect?",
      [RG], ["16 or over"], "factual"),
    q("How long should I take to decide whether to take part in a study? If I agree and then change my mind, can I pull out?",
      [RG], ["at least 24 hours", "at any time", "without giving a reason"], "factual"),
    q("What is the most I can spend on an e-bike through the cycle to work scheme?",
      [MM], ["£4,000"], "factual", "staff"),
    q("When does the first application window for the cycle to work scheme close?",
      [MM], ["30 April 2027"], "factual", "staff"),
    q("Where can I go to pray at Keswyn Community Hospital?",
      [PG], ["Hazel Ward", "first floor"], "factual"),
    q("What number do I call to ask for a chaplain to visit someone at Dunmarrow General Hospital?",
      [PG, NW], ["01632 960347"], "factual"),
    # paraphrase (8): lower case, no apostrophes, some typos
    q("my dad died last year and im the executor of his will. am i allowed to see his health records",
      [FQ], ["personal representative", "Health Records Act 1990", "death certificate"], "paraphrase"),
    q("do you have to be ill to sign up for medical research or can healthy people do it too",
      [RG], ["healthy volunteers"], "paraphrase"),
    q("my wife needs to wash before she prays, is there somewhere for that at dunmarrow hospital",
      [NW, PG], ["ablution rooms"], "paraphrase"),
    q("can i get photos of my mole taken somewhere local rather than trekking to the hospital",
      [PL], ["skin photo hubs|skin photo hub", "dermatoscope"], "paraphrase"),
    q("can i get a bike thru work and pay it back out of my wages",
      [MM], ["salary sacrifice", "12 months"], "paraphrase", "staff"),
    q("theres a mistake on my recrods, they have my old address on them. how do i get it changed",
      [FQ], ["correct factual mistakes", "in writing"], "paraphrase"),
    q("whats on at the new prayer centre on a friday",
      [NW], ["Friday prayers", "1.15pm", "Shabbat candle lighting"], "paraphrase"),
    q("im staying in dunmarrow general for a few days, can i borrow a prayer mat",
      [PG], ["prayer mats", "free of charge"], "paraphrase"),
    # list (5)
    q("What ID do I need to send with a request for my health records?",
      [FQ], ["photo ID", "passport", "driving licence", "proof of address"], "list"),
    q("What are the steps after my GP refers me for a skin photo check?",
      [PL], ["text message or letter", "dermatoscope", "within 10 working days", "right hospital clinic"], "list"),
    q("What are the steps to sign up for HealthStudy Connect and take part in a study?",
      [RG], ["health profile", "participant information sheet", "consent form", "screening visit"], "list"),
    q("What should I bring to my first research study visit?",
      [RG], ["list of the medicines", "glasses or hearing aids", "something to eat and drink", "participant information sheet"], "list"),
    q("What facilities for cyclists are there at Pennacott House?",
      [MM], ["covered bike shelter", "showers", "lockers", "drying room"], "list", "staff"),
    # followup (5), public
    q("Is it open in the evenings? And can I have a look round before it opens?",
      [NW, PG], ["7am to 10pm", "Sunday 6 June 2027|6 June 2027", "no booking"], "followup",
      history=[("user", "Is there a new prayer room opening at Dunmarrow General Hospital?"),
               ("assistant", "Yes. The Linden Room, a new multi-faith centre, opens on Monday 7 June 2027 on the ground floor of the Wren Wing, next to the main entrance. It is for patients, visitors and staff of all faiths and none.")]),
    q("How long are people waiting for the skin clinic at the moment, and what are they aiming to bring it down to?",
      [PL], ["19 weeks", "8 weeks", "31 March 2029"], "followup",
      history=[("user", "My GP wants to send photos of a mole on my back to a skin specialist. How does that work?"),
               ("assistant", "Your GP practice refers you to the teledermatology service. A trained skin photographer at a local skin photo hub takes photos with a dermatoscope, and a consultant dermatologist at Dunmarrow General Hospital reviews them within 10 working days.")]),
    q("How will they send them to me?",
      [FQ], ["SafeSend", "30 days", "recorded delivery"], "followup",
      history=[("user", "How do I get a copy of the records the ICB holds about me?"),
               ("assistant", "You make a subject access request to the ICB's Information Governance Team, online, by email, by letter, by phone or in person. It is free, you need to send proof of identity, and they will send your records within one calendar month.")]),
    q("If I change my mind later, how do I come off it, and how long until they delete my details?",
      [RG], ["healthstudy@dk-icb.example|01632 960582", "within 28 days"], "followup",
      history=[("user", "I'd like to volunteer for medical research. Is there a local list I can sign up to?"),
               ("assistant", "Yes. HealthStudy Connect is the local register of research volunteers run by NHS Dunmarrow and Keswyn ICB. Anyone aged 16 or over who is registered with a GP practice in Dunmarrow or Keswyn can join, online or by phone.")]),
    q("Can someone from there come at the weekend or in the evening?",
      [PG], ["on-call chaplain", "24 hours a day", "01632 960300"], "followup",
      history=[("user", "My mum is in Dunmarrow General and would like someone to talk to. She isn't religious. Can the chaplaincy help?"),
               ("assistant", "Yes. The hospital chaplaincy team supports people of all faiths and none, and you do not have to be religious to talk to them. She could also ask for a pastoral visitor, a volunteer who simply offers company and a friendly ear.")]),
    # unanswerable (10): 9 public (one answered only in the staff memo), 1 staff
    U("What is the name of the lead chaplain at Dunmarrow General Hospital?"),
    U("Is there parking close to the Linden Room for people visiting it?"),
    U("Can the hospital chaplain hold a wedding for a patient on the ward?"),
    U("How much will I be paid for taking part in a clinical trial through HealthStudy Connect?"),
    U("How much do you charge if I want a second copy of my records?"),
    U("What phone number do I ring to ask about my skin photo hub appointment?"),
    U("Will taking part in a research study affect my life insurance?"),
    U("Can I get a discounted bike through the NHS cycle to work scheme, and what is the spending limit?"),
    U("Can I use the cycle to work scheme to get an electric scooter instead of a bike?", "staff"),
    U("How many patients a week will each skin photo hub be able to see?"),
]
with open(Path(__file__).resolve().parent / "questions.jsonl", "w", encoding="utf-8") as f:
    for i, d in enumerate(items, 1):
        f.write(json.dumps({"id": f"q22-{i:02d}", **d}, ensure_ascii=False) + "\n")
print("wrote", len(items), "questions")
