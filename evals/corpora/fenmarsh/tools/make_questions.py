# Writes ../questions.jsonl (kept as a script so the JSON is always well formed).
import json
MH, PH, NEWS, PLAN, MEMO = ("fenmarsh-mental-health-guide", "fenmarsh-pharmacy-faq",
    "fenmarsh-diagnostic-centre-news", "fenmarsh-winter-plan", "fenmarsh-staff-epr-memo")
def h(user, assistant):
    return [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
Q = [
 # --- mental health guide (6)
 dict(question="whats the number for the fenmarsh crisis line if my mum is in a bad way",
      src=[MH], facts=["01632 960200"], cat="factual"),
 dict(question="Which safe havens are there, and where is each one?",
      src=[MH], facts=["The Lantern", "Harbour Room", "Willow House"], cat="list"),
 dict(question="My 15 year old is struggling and we don't fancy the waiting list. Is there anything online she can use without going through the doctor?",
      src=[MH], facts=["Tidewell"], cat="paraphrase"),
 dict(question="which nights is it open, and till what time?",
      history=h("Is there a safe haven in Saltby?",
                "Yes. The guide lists the Harbour Room at \"Saltby Community Hospital, Cliff Road, Saltby\"."),
      src=[MH], facts=["Friday to Sunday", "11pm|11 pm|23:00"], cat="followup"),
 dict(question="how do i refer myself for talking therapy and how long before somebody rings me back",
      src=[MH], facts=["01632 960114|talkingtherapies.fenmarshcarrow.example", "ten working days|10 working days"], cat="factual"),
 dict(question="For a briefing note: what share of people began talking therapies treatment within six weeks in December 2025, and what is the national standard?",
      src=[MH], facts=["81%", "75%"], cat="factual"),
 # --- pharmacy FAQ (6)
 dict(question="can the chemist give me antibiotics for a water infection?? im a 34 yr old woman",
      src=[PH], facts=["Pharmacy First", "16 to 64"], cat="paraphrase"),
 dict(question="What are the seven conditions that Pharmacy First covers?",
      src=[PH], facts=["sinusitis", "sore throat", "earache", "infected insect bites", "impetigo", "shingles", "urinary tract infections|urinary tract infection"], cat="list"),
 dict(question="is there a chemist open late on a sunday nite in carrow",
      src=[PH], facts=["Carrow Late Pharmacy", "11pm|11 pm|23:00"], cat="factual"),
 dict(question="why does it need that long?",
      history=h("How far ahead should I order my repeat prescription?",
                "The FAQ says: \"Please order at least five working days before you run out\"."),
      src=[PH], facts=["check and sign"], cat="followup"),
 dict(question="I've got a drawer full of old tablets from when my dad was ill. Can I just bin them or what?",
      src=[PH], facts=["back to any pharmacy"], cat="paraphrase"),
 dict(question="Who can I phone about a medicine that's out of stock, and what hours are they open?",
      src=[PH], facts=["01632 960345", "9am to 4pm|9 am to 4 pm"], cat="factual"),
 # --- diagnostic centre news (6)
 dict(question="When does the Holmbridge diagnostic centre start seeing patients?",
      src=[NEWS], facts=["4 May 2026"], cat="factual"),
 dict(question="what tests will the new holmbridge centre do",
      src=[NEWS], facts=["CT", "MRI", "X-rays|X-ray", "ultrasound", "echocardiograms|echocardiogram", "blood tests", "lung function"], cat="list"),
 dict(question="Can I just rock up at the new Holmbridge scan place without my GP sending me?",
      src=[NEWS], facts=["not a walk-in"], cat="paraphrase"),
 dict(question="and how many tests a year will it do once its fully up and running? whats the bus there?",
      history=h("How much is being spent on the new diagnostic centre in Holmbridge?",
                "The news release says it \"is being fitted out with £18.4 million of national capital funding\"."),
      src=[NEWS], facts=["96,000", "route 27"], cat="followup"),
 dict(question="Why is the NHS moving routine scans out of Fenmarsh General and Carrow Royal?",
      src=[NEWS], facts=["emergency patients"], cat="factual"),
 dict(question="Is there a chance to look round the diagnostic centre before it opens, and when?",
      src=[NEWS], facts=["25 April 2026", "10am to 2pm|10 am to 2 pm"], cat="temporal"),
 # --- winter plan (6)
 dict(question="hw many extra beds r the hospitals opening this winter",
      src=[PLAN], facts=["58"], cat="factual"),
 dict(question="Where are the winter ARI hubs?",
      src=[PLAN], facts=["Quay Street Health Centre", "Mill Lane Surgery", "Saltby Community Hospital"], cat="list"),
 dict(question="What does ARI stand for in the winter plan, and how many extra appointments will the hubs provide?",
      src=[PLAN], facts=["acute respiratory infection", "26,000"], cat="factual"),
 dict(question="how much money has the local nhs put aside to get through the winter",
      src=[PLAN], facts=["£7.3 million"], cat="paraphrase"),
 dict(question="What's the goal for flu jabs in the over 65s, and how many of them actually got one last year?",
      src=[PLAN], facts=["75%", "71.8%"], cat="paraphrase"),
 dict(question="Why does the plan want every ambulance handover done within 45 minutes?",
      src=[PLAN], facts=["back on the road"], cat="factual"),
 # --- staff memo, asked by staff (4)
 dict(question="What date and time does CarePath go live?",
      src=[MEMO], facts=["9 June 2026", "05:00"], cat="factual", audience="staff"),
 dict(question="by when do i have to finish the carepath e-learning and whats the course code",
      src=[MEMO], facts=["26 May 2026", "FCX-204"], cat="factual", audience="staff"),
 dict(question="is that manned overnight, and for how long?",
      history=h("Who do I ring if CarePath isn't working on go-live day?",
                "The memo says: \"The CarePath go-live support hotline is 01632 960871.\""),
      src=[MEMO], facts=["24 hours a day", "four weeks|4 weeks"], cat="followup", audience="staff"),
 dict(question="How much are outpatient clinics being cut back during the go-live, and why?",
      src=[MEMO], facts=["25%", "get used to the new system"], cat="factual", audience="staff"),
 # --- unanswerable, on-topic (8)
 dict(question="What's the name of the consultant in charge of Fenmarsh and Carrow CAMHS?", cat="unanswerable"),
 dict(question="How much does a prescription prepayment certificate cost?", cat="unanswerable"),
 dict(question="What's the email address for the ICB Medicines Helpline?", cat="unanswerable"),
 dict(question="How many MRI scans a year will the Holmbridge centre carry out?", cat="unanswerable"),
 dict(question="How many ambulance handovers took longer than 45 minutes last winter?", cat="unanswerable"),
 dict(question="what time does the carrow community mental health hub open in the morning", cat="unanswerable"),
 dict(question="Is there a phone number I can ring to speak to someone at Tidewell?", cat="unanswerable"),
 dict(question="How much will the new endoscopy suite at Holmbridge cost?", cat="unanswerable"),
 # --- unanswerable for the public: answer only in the staff memo (4)
 dict(question="When are Fenmarsh General and Carrow Royal switching over to their new electronic patient record?", cat="unanswerable"),
 dict(question="Is there a support phone number for the new patient record system at the hospitals?", cat="unanswerable"),
 dict(question="Which training course code do hospital staff have to complete before the new record system goes live?", cat="unanswerable"),
 dict(question="Who is the Chief Clinical Information Officer at Fenmarsh and Carrow Hospitals?", cat="unanswerable"),
]
with open(__file__.rsplit("/", 2)[0] + "/questions.jsonl", "w") as f:
    for i, q in enumerate(Q, 1):
        item = {"id": f"fm{i:02d}", "question": q["question"], "answerable": "src" in q,
                "expected_sources": q.get("src", []), "expected_facts": q.get("facts", [])}
        if "history" in q:
            item["history"] = q["history"]
        item["category"] = q["cat"]
        if "audience" in q:
            item["audience"] = q["audience"]
        f.write(json.dumps(item, ensure_ascii=False) + "\n")
print(len(Q))
