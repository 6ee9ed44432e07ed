#!/usr/bin/env python3
"""Writes questions.jsonl (the 40 blind28 questions). Run with: python3 make_questions.py"""
import json
NW="tev-home-oxygen-supplier-news"; PG="tev-home-oxygen-info-page"; GD="tev-travel-medicines-guide"
FQ="tev-vitamins-scheme-faq"; PL="tev-cancer-support-hubs-plan"; MM="tev-flexible-working-staff-memo"
Q=[]
def q(question, cat, src=(), facts=(), **kw):
    d={"id":f"q28-{len(Q)+1:02d}","question":question,"answerable":cat!="unanswerable",
       "expected_sources":list(src),"expected_facts":list(facts),"category":cat}
    d.update(kw); Q.append(d)
def h(u,a): return [{"role":"user","content":u},{"role":"assistant","content":a}]
# factual (12)
q("When does Fairbreath take over supplying home oxygen, and which company is it replacing?","factual",[NW],["1 June 2027","Northgale Medical Gases"])
q("How much is the new six-year home oxygen supply contract worth?","factual",[NW],["£9.2 million"])
q("What is the phone number for the home oxygen customer line for equipment and deliveries?","factual",[NW,PG],["01632 960217"])
q("How long a supply of my regular medicines can my GP practice prescribe for a trip abroad?","factual",[GD],["up to 3 months"])
q("Since when have Little Sunbeam vitamins been free for every family, whatever their income?","factual",[FQ],["1 September 2026"])
q("How much does the Little Sunbeam scheme cost each year, and how much of that does the ICB pay?","factual",[FQ],["£212,000","£140,000"])
q("When do the Onward cancer support hubs open, and who is the clinical lead for Onward?","factual",[PL],["6 September 2027","Ifeoma Castellane-Hurst"])
q("How much will the Onward cancer support programme cost over two years, and how many people will the hubs see each week?","factual",[PL],["£780,000"],
  notes="Two-part question answered only in part. The first part (the two-year cost, £780,000) is in the plan. The second part (how many people the hubs will see each week) is not covered: the plan gives only a first-year aim of 2,400 people and no weekly figure, so the answer should give the cost and say the weekly number is not stated.")
q("How many flexible working requests can I make in a year under the new policy?","factual",[MM],["two requests","12-month period"],audience="staff")
q("When does the new Flexible Working Policy come into effect, and how long does my manager have to give me a decision?","factual",[MM],["1 March 2027","within 2 months"],audience="staff")
q("How far away from gas cookers and open flames should home oxygen equipment be kept?","factual",[PG],["3 metres"])
q("How soon after starting home oxygen is the first review, and how often is it reviewed after that?","factual",[PG],["within 3 months","at least once a year|once a year"])
# paraphrase (8)
q("going to spain for 5 months can my gp give me all my tablets to take with me","paraphrase",[GD],["up to 3 months","register with a doctor"])
q("do i have to be on universal credit or something to get the free baby vitamins","paraphrase",[FQ],["whatever their income"])
q("the oxygen man is comming to swap my machine over how long wil it take and do i need to be in","paraphrase",[NW],["about 45 minutes","adult needs to be at home"])
q("whats the latest i can leave it to sort out my repeat prescription before i fly off on holiday","paraphrase",[GD],["4 weeks before you travel"])
q("my babys on formula milk does she still need the vitamin drops","paraphrase",[FQ],["500ml","do not need vitamin drops"])
q("my manager said no to me doing a 9 day fortnight how long have i got to appeal and who looks at it","paraphrase",[MM],["14 calendar days","manager's manager"],audience="staff")
q("is there any cancer support open on a saturday im at work all week","paraphrase",[PL],["Pewsmere Community Centre","first Saturday of each month","10am to 1pm"])
q("can i just turn up at the cancer support hub or does my gp have to send me","paraphrase",[PL],["do not need a referral","drop in"])
# list (5)
q("What are the steps to get my medicines ready before I travel abroad?","list",[GD],["original box or bottle","hand luggage","Medicines Travel Card","cool bag"])
q("What happens after I get in touch with an Onward cancer support hub?","list",[PL],["within 3 working days","personal support plan","6 weeks later","after 6 months"])
q("Where can I pick up Little Sunbeam vitamins?","list",[FQ],["community pharmacies","family hubs","health visitor baby clinics"])
q("What are the safety rules for using oxygen at home?","list",[PG],["e-cigarettes and vapes","petroleum jelly","cylinders upright","open flames"])
q("How do I put in a flexible working request?","list",[MM],["form FW1","PeopleHub","5 working days","trade union representative"],audience="staff")
# followup (5)
q("Can they bring it to our caravan in Wales when we go on holiday? How much notice do they need?","followup",[PG],["England, Scotland or Wales","at least 3 weeks"],
  history=h("Who supplies home oxygen round here now?","Since 1 June 2027 home oxygen in Tollmarsh and Evenbury has been supplied by Fairbreath Home Oxygen Ltd. Its customer line, 01632 960217, is open 24 hours a day."))
q("How do I ask for one of them?","followup",[NW],["next review","Home Oxygen Assessment and Review Service"],
  history=h("Is there a lighter oxygen machine I could take out with me?","Yes. Fairbreath will offer a smaller portable concentrator weighing 2.3kg to people whose prescription includes oxygen when they are out and about. This is known as ambulatory oxygen."))
q("How do I sign up for it?","followup",[FQ],["Little Sunbeam card","midwife","health visitor","tev-icb.example/sunbeam"],
  history=h("I heard there are free vitamins for kids in Evenbury. What is that?","That is the Little Sunbeam scheme. It gives free vitamin drops containing vitamins A, C and D to children under 4, and tablets to people who are pregnant or breastfeeding, to every family living in Tollmarsh or Evenbury."))
q("Can I go there too as her carer? And would they help her with money worries?","followup",[PL],["Family members and carers","Evenbury Money Advice Centre"],
  history=h("My mum has finished her cancer treatment. Is there any support for her in Tollmarsh?","Yes. From Monday 6 September 2027 three Onward hubs will support anyone aged 16 and over affected by cancer in Tollmarsh and Evenbury. The Tollmarsh hub is in the Lantern Building at Tollmarsh General Hospital, open Monday to Friday, 9am to 5pm."))
q("What if I lose them while I'm there?","followup",[GD],["local pharmacy or doctor","travel insurance","cannot post medicines abroad"],
  history=h("I'm going to Portugal in May and I take several medicines. What should I take with me?","Ask your community pharmacy for a free Medicines Travel Card, keep each medicine in its original box or bottle with the pharmacy label, and pack your medicines in your hand luggage."))
# unanswerable (10)
q("How much will Fairbreath pay me back for the electricity my oxygen concentrator uses?","unanswerable")
q("What time of day will the Fairbreath engineer arrive for the swap-over visit?","unanswerable")
q("How much does it cost to have oxygen on a flight to Spain?","unanswerable")
q("How much will my GP practice charge for a travel letter about my medicines?","unanswerable")
q("Are the Little Sunbeam vitamin drops halal?","unanswerable")
q("What's the phone number for the Onward cancer support hubs?","unanswerable")
q("Is there free parking at the Lantern Building for the Onward hub?","unanswerable")
q("Under the new hybrid working rules, can I work from abroad for a few weeks?","unanswerable",audience="staff")
q("I'm applying for a job at the ICB. Could I ask for flexible working from my first day there?","unanswerable")
q("What are the opening hours of the Sparrowdale family hub where I collect Little Sunbeam vitamins?","unanswerable")
with open("questions.jsonl","w") as f:
    for d in Q: f.write(json.dumps(d, ensure_ascii=False)+"\n")
print(len(Q))
