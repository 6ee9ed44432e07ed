#!/usr/bin/env python3
"""Build and check the blind Corrowby support-check table (triples-corrowby.jsonl).

Run with a Python that has pypdf (needed for the one PDF), e.g. the project's .venv:
    /work/main/.venv/bin/python build_corrowby.py
Writes triples-corrowby.jsonl next to this file, then validates it.

The corpus folder is found in this order: $CORROWBY_CORPUS, ../corpora/corrowby/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/corrowby/corpus.
"""
import html
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def _corpus_dir():
    cands = [os.environ.get("CORROWBY_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "corrowby", "corpus")),
             "/work/main/evals/corpora/corrowby/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Corrowby corpus folder (set CORROWBY_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-corrowby.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

LCN = "cwv-long-covid-service-move-news"
BTG = "cwv-blood-test-booking-guide"
BWF = "cwv-breathe-well-pulmonary-rehab-faq"
SRP = "cwv-community-stroke-rehab-plan"
BSP = "cwv-breathlessness-support-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- cwv-long-covid-service-move-news (article text only) ----------------
    # c001
    (LCN, "timing",
     "The Wennet Valley Long COVID Service is moving to a new home at Brindlecote Health Hub from Monday 2 November 2026, and will offer evening appointments for the first time.",
     "Starting on Monday 2 November 2026, the Wennet Valley Long COVID Service relocates to new premises at Brindlecote Health Hub, and it will begin offering evening appointments, something it has never done before.",
     "Starting on Monday 9 November 2026, the Wennet Valley Long COVID Service relocates to new premises at Brindlecote Health Hub, and it will begin offering evening appointments, something it has never done before.",
     "The Wennet Valley Long COVID Service is not moving to a new home at Brindlecote Health Hub from Monday 2 November 2026, and it will not be offering evening appointments.",
     "The Wennet Valley Long COVID Service is moving to a new home at Brindlecote Health Hub from Monday 2 November 2026, and will offer evening appointments for the first time, with Saturday morning clinics due to follow in spring 2027."),
    # c002
    (LCN, "attribution",
     "The service, run by Corrowby Teaching Hospitals NHS Foundation Trust, has been based in the outpatients department at Corrowby General Hospital since it opened in June 2021.",
     "Since it opened in June 2021, the service, which Corrowby Teaching Hospitals NHS Foundation Trust runs, has operated from the outpatients department of Corrowby General Hospital.",
     "Since it opened in June 2021, the service, which Wennet Valley Community Health NHS Trust runs, has operated from the outpatients department of Corrowby General Hospital.",
     "The service, run by Corrowby Teaching Hospitals NHS Foundation Trust, has not been based in the outpatients department at Corrowby General Hospital since it opened in June 2021.",
     "The service, run by Corrowby Teaching Hospitals NHS Foundation Trust, has been based in the outpatients department at Corrowby General Hospital since it opened in June 2021, where it shared a waiting area with the respiratory clinic."),
    # c003
    (LCN, "cause",
     "The service does not take self-referrals, because your GP needs to rule out other causes of your symptoms first.",
     "Because your GP first has to exclude other possible causes of your symptoms, you cannot refer yourself to the service.",
     "Because your GP first has to confirm that you have had COVID-19, you cannot refer yourself to the service.",
     "The service takes self-referrals, because your GP does not need to rule out other causes of your symptoms first.",
     "The service does not take self-referrals, because your GP needs to rule out other causes of your symptoms first. GP practices are asked to include recent blood test results with every referral."),
    # c004
    (LCN, "scope",
     "People whose main problem is breathlessness may also be referred to Breathe Well, the local pulmonary rehabilitation programme.",
     "Those for whom breathlessness is the chief difficulty might also be referred to Breathe Well, which is the area's pulmonary rehabilitation programme.",
     "Anyone who gets breathless at all might also be referred to Breathe Well, which is the area's pulmonary rehabilitation programme.",
     "People whose main problem is breathlessness cannot be referred to Breathe Well, the local pulmonary rehabilitation programme.",
     "People whose main problem is breathlessness may also be referred to Breathe Well, the local pulmonary rehabilitation programme, where they are seen without joining the usual waiting list."),
    # c005
    (LCN, "added_claim",
     "The team also runs Pacing Well, a six-week online group course held by video on Thursday afternoons, 2pm to 3.30pm.",
     "Pacing Well, a six-week group course that takes place online by video on Thursday afternoons from 2pm until 3.30pm, is also run by the team.",
     "Pacing Well, a six-week group course that takes place online by video on Thursday afternoons from 2pm until 3.30pm, is also run by the team, with up to 12 people in each group.",
     "The team does not run Pacing Well, a six-week online group course held by video on Thursday afternoons, 2pm to 3.30pm.",
     "The team also runs Pacing Well, a six-week online group course held by video on Thursday afternoons, 2pm to 3.30pm, and a recording of each session is sent to anyone who cannot join live."),
    # c006
    (LCN, "direction",
     "The average wait from referral to first assessment is now 9 weeks, down from 17 weeks in 2025.",
     "On average, people now wait 9 weeks between referral and their first assessment, a fall from 17 weeks in 2025.",
     "On average, people now wait 17 weeks between referral and their first assessment, a rise from 9 weeks in 2025.",
     "The average wait from referral to first assessment has not come down from 17 weeks in 2025 to 9 weeks.",
     "The average wait from referral to first assessment is now 9 weeks, down from 17 weeks in 2025, and most urgent referrals are seen within a fortnight."),
    # c007
    (LCN, "modality",
     "The service expects waits to fall further when two extra occupational therapists join the team in January 2027.",
     "When two additional occupational therapists join the team in January 2027, the service anticipates that waiting times will drop further.",
     "When two additional occupational therapists join the team in January 2027, the service has promised that waiting times will drop further.",
     "The service does not expect waits to fall further when two extra occupational therapists join the team in January 2027.",
     "The service expects waits to fall further when two extra occupational therapists join the team in January 2027. A third post, for a dietitian, is being advertised this autumn."),
    # c008
    (LCN, "attribution",
     "The ICB has invested £385,000 in fitting out the new space, and the service receives £1.1 million a year in recurrent funding.",
     "£385,000 has been invested by the ICB to fit out the new premises, and the service gets recurrent funding of £1.1 million each year.",
     "£385,000 has been invested by Corrowby Teaching Hospitals NHS Foundation Trust to fit out the new premises, and the service gets recurrent funding of £1.1 million each year.",
     "The ICB has not invested £385,000 in fitting out the new space, and the service does not receive £1.1 million a year in recurrent funding.",
     "The ICB has invested £385,000 in fitting out the new space, and the service receives £1.1 million a year in recurrent funding, which pays for 14 full-time staff."),

    # ---------------- cwv-blood-test-booking-guide (Markdown, ** and list markers removed) ----------------
    # c009
    (BTG, "scope",
     "Since Wednesday 1 April 2026, all adult blood tests in Corrowby and Wennet Valley are by appointment only, and there are no walk-in sessions at any site.",
     "Every adult blood test in Corrowby and Wennet Valley has needed an appointment since Wednesday 1 April 2026, and none of the sites offers walk-in sessions.",
     "Every blood test in Corrowby and Wennet Valley, for children as well as adults, has needed an appointment since Wednesday 1 April 2026, and none of the sites offers walk-in sessions.",
     "Since Wednesday 1 April 2026, adult blood tests in Corrowby and Wennet Valley have not been by appointment only, and there are walk-in sessions at some sites.",
     "Since Wednesday 1 April 2026, all adult blood tests in Corrowby and Wennet Valley are by appointment only, and there are no walk-in sessions at any site, although GP practices may still take blood during routine appointments."),
    # c010
    (BTG, "timing",
     "You can book online at bloodtests.cwv-icb.example, 24 hours a day, or by calling the blood test booking line on 01632 960452, Monday to Friday, 8am to 6pm.",
     "Booking is possible online at bloodtests.cwv-icb.example at any time of the day or night, or by phone on the blood test booking line, 01632 960452, between 8am and 6pm on weekdays.",
     "Booking is possible online at bloodtests.cwv-icb.example at any time of the day or night, or by phone on the blood test booking line, 01632 960452, between 8am and 8pm on weekdays.",
     "You cannot book online at bloodtests.cwv-icb.example, 24 hours a day, or by calling the blood test booking line on 01632 960452, Monday to Friday, 8am to 6pm.",
     "You can book online at bloodtests.cwv-icb.example, 24 hours a day, or by calling the blood test booking line on 01632 960452, Monday to Friday, 8am to 6pm. Calls are free from mobiles and landlines."),
    # c011
    (BTG, "direction",
     "We will send you a text message reminder 2 days before your appointment.",
     "Two days ahead of your appointment, we will text you a reminder.",
     "Two days after your appointment, we will text you a reminder.",
     "We will not send you a text message reminder 2 days before your appointment.",
     "We will send you a text message reminder 2 days before your appointment, and you can reply CANCEL to free up the slot."),
    # c012
    (BTG, "timing",
     "A glucose tolerance test takes about 2 hours 15 minutes, and you will need to stay in the clinic for the whole time.",
     "You will have to remain in the clinic throughout a glucose tolerance test, which lasts roughly 2 hours 15 minutes.",
     "You will have to remain in the clinic throughout a glucose tolerance test, which lasts roughly 1 hour 15 minutes.",
     "A glucose tolerance test takes about 2 hours 15 minutes, and you will not need to stay in the clinic for the whole time.",
     "A glucose tolerance test takes about 2 hours 15 minutes, and you will need to stay in the clinic for the whole time. Blood is taken three times during the test."),
    # c013
    (BTG, "added_claim",
     "These tests are only done at Corrowby General Hospital and can only be booked by phone, not online.",
     "Glucose tolerance tests can be booked only over the phone, not online, and Corrowby General Hospital is the one place where they are carried out.",
     "Glucose tolerance tests can be booked only over the phone, not online, and Corrowby General Hospital is the one place where they are carried out, in a dedicated room on Level 2.",
     "These tests are not only done at Corrowby General Hospital and can be booked online as well as by phone.",
     "These tests are only done at Corrowby General Hospital and can only be booked by phone, not online, because a nurse needs to check your medicines before booking."),
    # c014
    (BTG, "modality",
     "If you are housebound, your GP practice can arrange for a district nurse or healthcare assistant to take your blood at home.",
     "Your GP practice is able to arrange a home visit from a district nurse or healthcare assistant to take your blood if you are housebound.",
     "Your GP practice is required to arrange a home visit from a district nurse or healthcare assistant to take your blood if you are housebound.",
     "If you are housebound, your GP practice cannot arrange for a district nurse or healthcare assistant to take your blood at home.",
     "If you are housebound, your GP practice can arrange for a district nurse or healthcare assistant to take your blood at home, usually within a week of the request."),
    # c015
    (BTG, "attribution",
     "Results go to the clinician who asked for the test, usually within 5 working days, and they will contact you if anything needs to be done.",
     "The clinician who requested the test normally receives the results within 5 working days and will get in touch with you if any action is needed.",
     "The clinician who requested the test normally receives the results within 5 working days, and the blood test team will get in touch with you if any action is needed.",
     "Results do not go to the clinician who asked for the test within 5 working days, and they will not contact you if anything needs to be done.",
     "Results go to the clinician who asked for the test, usually within 5 working days, and they will contact you if anything needs to be done. Urgent abnormal results are phoned through to the practice on the same day."),
    # c016
    (BTG, "cause",
     "In 2025, 4,120 blood test appointments were missed without any notice.",
     "In 2025, people failed to turn up for 4,120 blood test appointments without giving any notice.",
     "In 2025, people failed to turn up for 4,120 blood test appointments without giving any notice, mostly because they had forgotten about them.",
     "In 2025, not a single blood test appointment was missed without any notice.",
     "In 2025, 4,120 blood test appointments were missed without any notice, which is about one in every twelve bookings."),

    # ---------------- cwv-breathe-well-pulmonary-rehab-faq (plain text, lines joined) ----------------
    # c017
    (BWF, "timing",
     "The course lasts 8 weeks, with two sessions a week.",
     "The course runs for 8 weeks and has two sessions each week.",
     "The course runs for 12 weeks and has two sessions each week.",
     "The course does not last 8 weeks, with two sessions a week.",
     "The course lasts 8 weeks, with two sessions a week, and groups are kept to a maximum of 12 people."),
    # c018
    (BWF, "scope",
     "People with a score of 2 can also join if they have been in hospital with their lung condition in the last 12 months.",
     "Anyone with a score of 2 is also eligible to join, provided they have had a hospital stay for their lung condition within the past 12 months.",
     "Anyone with a score of 2 is also eligible to join, provided they have had a hospital stay for any health condition within the past 12 months.",
     "People with a score of 2 cannot join, even if they have been in hospital with their lung condition in the last 12 months.",
     "People with a score of 2 can also join if they have been in hospital with their lung condition in the last 12 months. About one in five people on the course joins this way."),
    # c019
    (BWF, "cause",
     "For all other lung conditions we need a referral from a health professional, because we need details of your tests and diagnosis.",
     "Since the team needs the details of your tests and diagnosis, anyone with any other lung condition has to be referred by a health professional.",
     "Since the team needs to check that exercise is safe for you, anyone with any other lung condition has to be referred by a health professional.",
     "For all other lung conditions we do not need a referral from a health professional, because we do not need details of your tests and diagnosis.",
     "For all other lung conditions we need a referral from a health professional, because we need details of your tests and diagnosis, including a recent spirometry result."),
    # c020
    (BWF, "modality",
     "If you have been in hospital with a flare-up of COPD in the last 4 weeks, we aim to see you within 2 weeks, because starting soon after a hospital stay helps people recover.",
     "Because beginning soon after a stay in hospital aids recovery, the team aims to see you within 2 weeks if you have been in hospital with a COPD flare-up during the last 4 weeks.",
     "Because beginning soon after a stay in hospital aids recovery, the team guarantees to see you within 2 weeks if you have been in hospital with a COPD flare-up during the last 4 weeks.",
     "If you have been in hospital with a flare-up of COPD in the last 4 weeks, we do not aim to see you within 2 weeks, because starting soon after a hospital stay does not help people recover.",
     "If you have been in hospital with a flare-up of COPD in the last 4 weeks, we aim to see you within 2 weeks, because starting soon after a hospital stay helps people recover, and a physiotherapist may visit you at home before you start."),
    # c021
    (BWF, "direction",
     "The Hollinsey group started in March 2026 and usually has the shortest wait.",
     "Usually, the wait is shortest for the Hollinsey group, which began in March 2026.",
     "Usually, the wait is longest for the Hollinsey group, which began in March 2026.",
     "The Hollinsey group started in March 2026 and usually does not have the shortest wait.",
     "The Hollinsey group started in March 2026 and usually has the shortest wait, with most people starting within 3 weeks."),
    # c022
    (BWF, "modality",
     "The team will check how much oxygen you need during exercise and may change your prescription through the home oxygen service.",
     "How much oxygen you need while exercising will be checked by the team, who might alter your prescription via the home oxygen service.",
     "How much oxygen you need while exercising will be checked by the team, who will alter your prescription via the home oxygen service.",
     "The team will not check how much oxygen you need during exercise and cannot change your prescription through the home oxygen service.",
     "The team will check how much oxygen you need during exercise and may change your prescription through the home oxygen service. Spare cylinders are kept at every venue."),
    # c023
    (BWF, "attribution",
     "If you miss three sessions in a row without telling us, we will write to you, and if we do not hear back within 2 weeks we will discharge you to your GP.",
     "Should you miss three consecutive sessions without letting the team know, they will send you a letter, and if no reply comes within 2 weeks you will be discharged to your GP.",
     "Should you miss three consecutive sessions without letting the team know, your GP will send you a letter, and if no reply comes within 2 weeks you will be discharged to your GP.",
     "If you miss three sessions in a row without telling us, we will not write to you, and we will not discharge you to your GP if we do not hear back within 2 weeks.",
     "If you miss three sessions in a row without telling us, we will write to you, and if we do not hear back within 2 weeks we will discharge you to your GP, who can refer you again when you feel ready."),
    # c024
    (BWF, "added_claim",
     "To keep the benefits going, you can join Keep Breathing, weekly maintenance classes run by Corrowby Leisure Trust at Fellmarsh Leisure Centre, which cost £3.50 a session.",
     "So that the benefits last, you have the option of joining Keep Breathing, a weekly maintenance class that Corrowby Leisure Trust runs at Fellmarsh Leisure Centre for £3.50 per session.",
     "So that the benefits last, you have the option of joining Keep Breathing, a weekly maintenance class that Corrowby Leisure Trust runs at Fellmarsh Leisure Centre for £3.50 per session, with the first month free.",
     "To keep the benefits going, you cannot join Keep Breathing, weekly maintenance classes run by Corrowby Leisure Trust at Fellmarsh Leisure Centre, which cost £3.50 a session.",
     "To keep the benefits going, you can join Keep Breathing, weekly maintenance classes run by Corrowby Leisure Trust at Fellmarsh Leisure Centre, which cost £3.50 a session. Concessions are available for people on Pension Credit."),

    # ---------------- cwv-community-stroke-rehab-plan (PDF text via pypdf, lines joined) ----------------
    # c025
    (SRP, "cause",
     "Once they go home, their rehabilitation is split between three separate teams with different rules, and people wait an average of 19 days after leaving hospital for their first therapy visit at home.",
     "Once stroke patients are back home, their rehabilitation is divided between three separate teams that have different rules, and the average wait between leaving hospital and the first therapy visit at home is 19 days.",
     "Once stroke patients are back home, their rehabilitation is divided between three separate teams that have different rules, which is why the average wait between leaving hospital and the first therapy visit at home is 19 days.",
     "Once they go home, their rehabilitation is not split between three separate teams with different rules, and people do not wait an average of 19 days after leaving hospital for their first therapy visit at home.",
     "Once they go home, their rehabilitation is split between three separate teams with different rules, and people wait an average of 19 days after leaving hospital for their first therapy visit at home. Some wait more than six weeks."),
    # c026
    (SRP, "timing",
     "In our 2025 survey, 41% of stroke survivors said they felt left on their own once they got home.",
     "In the survey we carried out in 2025, 41% of stroke survivors reported feeling left alone after they got back home.",
     "In the survey we carried out in 2023, 41% of stroke survivors reported feeling left alone after they got back home.",
     "In our 2025 survey, 41% of stroke survivors said they did not feel left on their own once they got home.",
     "In our 2025 survey, 41% of stroke survivors said they felt left on their own once they got home, and a third said they had not been told about local support groups."),
    # c027
    (SRP, "scope",
     "From Monday 1 February 2027, a single Community Stroke Rehabilitation Team, run by Wennet Valley Community Health NHS Trust, will support adults after a stroke in their own homes, including care homes.",
     "Starting on Monday 1 February 2027, adults who have had a stroke will be supported in their own homes, care homes included, by one Community Stroke Rehabilitation Team that Wennet Valley Community Health NHS Trust will run.",
     "Starting on Monday 1 February 2027, everyone who has had a stroke, whatever their age, will be supported in their own homes, care homes included, by one Community Stroke Rehabilitation Team that Wennet Valley Community Health NHS Trust will run.",
     "From Monday 1 February 2027, a single Community Stroke Rehabilitation Team, run by Wennet Valley Community Health NHS Trust, will not support adults after a stroke in their own homes, including care homes.",
     "From Monday 1 February 2027, a single Community Stroke Rehabilitation Team, run by Wennet Valley Community Health NHS Trust, will support adults after a stroke in their own homes, including care homes, with a base at Brindlecote Health Hub."),
    # c028
    (SRP, "direction",
     "People will have therapy for up to 12 weeks, up to five days a week if they need it and can manage it.",
     "If they need it and are able to manage it, people will receive therapy on as many as five days a week for a maximum of 12 weeks.",
     "If they need it and are able to manage it, people will receive therapy on as many as five days a week for a minimum of 12 weeks.",
     "People will not have therapy for up to 12 weeks, up to five days a week, even if they need it and can manage it.",
     "People will have therapy for up to 12 weeks, up to five days a week if they need it and can manage it, with each visit lasting about an hour."),
    # c029
    (SRP, "attribution",
     "The clinical lead is Tomasz Rudnicki, consultant therapist in stroke rehabilitation.",
     "Tomasz Rudnicki, a consultant therapist in stroke rehabilitation, is the service's clinical lead.",
     "Dr Priya Ventham, a consultant therapist in stroke rehabilitation, is the service's clinical lead.",
     "The clinical lead is not Tomasz Rudnicki, consultant therapist in stroke rehabilitation.",
     "The clinical lead is Tomasz Rudnicki, consultant therapist in stroke rehabilitation, who set up the early supported discharge service at Corrowby General Hospital in 2019."),
    # c030
    (SRP, "scope",
     "People who have trouble speaking or understanding speech after a stroke (aphasia) can join a weekly conversation group at Brindlecote Health Hub.",
     "A weekly conversation group at Brindlecote Health Hub is open to people who find it hard to speak or to understand speech after a stroke (aphasia).",
     "A weekly conversation group at Brindlecote Health Hub is open to all stroke survivors, not just people who find it hard to speak or to understand speech after a stroke (aphasia).",
     "People who have trouble speaking or understanding speech after a stroke (aphasia) cannot join a weekly conversation group at Brindlecote Health Hub.",
     "People who have trouble speaking or understanding speech after a stroke (aphasia) can join a weekly conversation group at Brindlecote Health Hub, run by a speech and language therapist and trained volunteers."),
    # c031
    (SRP, "modality",
     "The ICB will invest £2.4 million a year in the new service.",
     "Each year the ICB is going to put £2.4 million into the new service.",
     "Each year the ICB may put £2.4 million into the new service.",
     "The ICB will not invest £2.4 million a year in the new service.",
     "The ICB will invest £2.4 million a year in the new service, on top of the £1.6 million already spent on the three existing teams."),
    # c032
    (SRP, "added_claim",
     "This will pay for 31 new posts, including 9 physiotherapists, 7 occupational therapists and 4 speech and language therapists.",
     "The money will fund 31 new posts, among them 4 speech and language therapists, 7 occupational therapists and 9 physiotherapists.",
     "The money will fund 31 new posts, among them 4 speech and language therapists, 7 occupational therapists, 9 physiotherapists and 2 dietitians.",
     "This will not pay for 31 new posts, including 9 physiotherapists, 7 occupational therapists and 4 speech and language therapists.",
     "This will pay for 31 new posts, including 9 physiotherapists, 7 occupational therapists and 4 speech and language therapists. Most of the posts will be based in Corrowby."),

    # ---------------- cwv-breathlessness-support-page (<main> text only) ----------------
    # c033
    (BSP, "cause",
     "Breathe Well is an 8-week course of exercise and education for adults who get breathless because of a lung condition.",
     "Breathe Well is a course combining exercise and education that runs for 8 weeks and is aimed at adults whose lung condition makes them breathless.",
     "Breathe Well is a course combining exercise and education that runs for 8 weeks and is aimed at adults whose heart condition makes them breathless.",
     "Breathe Well is not an 8-week course of exercise and education for adults who get breathless because of a lung condition.",
     "Breathe Well is an 8-week course of exercise and education for adults who get breathless because of a lung condition, and it is also open to people waiting for lung surgery."),
    # c034
    (BSP, "added_claim",
     "Groups meet twice a week at Fellmarsh Leisure Centre, Hollinsey Community Hall and Corrowby General Hospital, and there is also a live video course, Breathe Well at Home.",
     "There are groups meeting twice weekly at Fellmarsh Leisure Centre, Hollinsey Community Hall and Corrowby General Hospital, and a course called Breathe Well at Home is also run live by video.",
     "There are groups meeting twice weekly at Fellmarsh Leisure Centre, Hollinsey Community Hall and Corrowby General Hospital, and a course called Breathe Well at Home is also run live by video, with a new group due to open in Brindlecote next year.",
     "Groups do not meet twice a week at Fellmarsh Leisure Centre, Hollinsey Community Hall and Corrowby General Hospital, and there is no live video course, Breathe Well at Home.",
     "Groups meet twice a week at Fellmarsh Leisure Centre, Hollinsey Community Hall and Corrowby General Hospital, and there is also a live video course, Breathe Well at Home. A Saturday group at Brindlecote Health Hub is planned for 2027."),
    # c035
    (BSP, "attribution",
     "Sing to Breathe is a free singing group for people with lung conditions, run by the charity Wennet Valley Breathers.",
     "The charity Wennet Valley Breathers runs Sing to Breathe, a singing group for people with lung conditions that costs nothing to attend.",
     "Corrowby Leisure Trust runs Sing to Breathe, a singing group for people with lung conditions that costs nothing to attend.",
     "Sing to Breathe is not a free singing group for people with lung conditions, and it is not run by the charity Wennet Valley Breathers.",
     "Sing to Breathe is a free singing group for people with lung conditions, run by the charity Wennet Valley Breathers, and it is led by a professional choir leader."),
    # c036
    (BSP, "timing",
     "The group meets at Tarrow Green Methodist Church on Wednesdays, 11am to 12 noon.",
     "Every Wednesday from 11am until midday, the group gets together at Tarrow Green Methodist Church.",
     "Every Thursday from 11am until midday, the group gets together at Tarrow Green Methodist Church.",
     "The group does not meet at Tarrow Green Methodist Church on Wednesdays, 11am to 12 noon.",
     "The group meets at Tarrow Green Methodist Church on Wednesdays, 11am to 12 noon, except during August."),
    # c037
    (BSP, "scope",
     "It meets on the first Monday of each month at 2pm at Brindlecote Health Hub, with a guest speaker at most meetings.",
     "The Wennet Valley Breathers support group gets together at 2pm on the first Monday of every month at Brindlecote Health Hub, and most of its meetings have a guest speaker.",
     "The Wennet Valley Breathers support group gets together at 2pm on the first Monday of every month at Brindlecote Health Hub, and every one of its meetings has a guest speaker.",
     "It does not meet on the first Monday of each month at 2pm at Brindlecote Health Hub, and most meetings have no guest speaker.",
     "It meets on the first Monday of each month at 2pm at Brindlecote Health Hub, with a guest speaker at most meetings. Free transport can be arranged for members who cannot drive."),
    # c038
    (BSP, "direction",
     "Up to 7 in 10 people do not use their inhaler in the right way, which means less of the medicine reaches the lungs.",
     "As many as 7 out of 10 people use their inhaler incorrectly, so a smaller amount of the medicine gets to their lungs.",
     "As many as 7 out of 10 people use their inhaler incorrectly, so a larger amount of the medicine gets to their lungs.",
     "Up to 7 in 10 people do not use their inhaler in the right way, but this does not mean that less of the medicine reaches the lungs.",
     "Up to 7 in 10 people do not use their inhaler in the right way, which means less of the medicine reaches the lungs, and the problem is most common among people who use more than one type of inhaler."),
    # c039
    (BSP, "modality",
     "If you have COPD and have had flare-ups before, your GP practice may give you a rescue pack of steroid tablets and antibiotics to keep at home, with a written plan that says when to start them.",
     "Your GP practice might provide a rescue pack of steroid tablets and antibiotics for you to keep at home, along with a written plan explaining when to start them, if you have COPD and have had flare-ups in the past.",
     "Your GP practice will provide a rescue pack of steroid tablets and antibiotics for you to keep at home, along with a written plan explaining when to start them, if you have COPD and have had flare-ups in the past.",
     "If you have COPD and have had flare-ups before, your GP practice will not give you a rescue pack of steroid tablets and antibiotics to keep at home, with a written plan that says when to start them.",
     "If you have COPD and have had flare-ups before, your GP practice may give you a rescue pack of steroid tablets and antibiotics to keep at home, with a written plan that says when to start them. Rescue packs are usually reviewed once a year."),
    # c040
    (BSP, "direction",
     "Airwatch Wennet is a free service that sends you a text or email when air pollution is forecast to be high in your area.",
     "Airwatch Wennet, which is free, texts or emails you whenever the forecast says air pollution in your area will be high.",
     "Airwatch Wennet, which is free, texts or emails you whenever the forecast says air pollution in your area will be low.",
     "Airwatch Wennet is a free service that does not send you a text or email when air pollution is forecast to be high in your area.",
     "Airwatch Wennet is a free service that sends you a text or email when air pollution is forecast to be high in your area, usually by 6pm the evening before."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "c%03d" % i, "corpus": "corrowby", "doc_id": doc,
            "source_sentence": src, "faithful_paraphrase": faith,
            "unfaithful_paraphrase": unfaith, "unfaithful_kind": kind,
            "negated": neg, "invented_clause": inv,
        })
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


# ---------------- checks ----------------

def ws(s):
    # \s also matches no-break spaces (U+00A0), so "01632&nbsp;960587" becomes "01632 960587"
    return re.sub(r"\s+", " ", s).strip()


def public_docs():
    """doc_id -> audience, from manifest.yaml (simple line parser, no yaml module)."""
    docs, cur = {}, None
    with open(os.path.join(CORPUS_DIR, "manifest.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^  ([A-Za-z0-9_.-]+):\s*$", line)
            if m:
                cur = m.group(1)
                docs[cur] = None
                continue
            m = re.match(r"^\s+audience:\s*(\S+)", line)
            if m and cur:
                docs[cur] = m.group(1).strip("\"'")
    return {d for d, a in docs.items() if a == "public"}


INLINE_TAGS = r"(?:a|abbr|b|br|cite|code|em|i|small|span|strong|sub|sup|time|u)"


def html_text(raw):
    t = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", raw)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    # main content only: the <article> element, else the <main> element
    m = (re.search(r"(?is)<article\b[^>]*>(.*?)</article>", t)
         or re.search(r"(?is)<main\b[^>]*>(.*?)</main>", t))
    if m:
        t = m.group(1)
    t = re.sub(r"(?is)<br\s*/?>", " ", t)
    t = re.sub(r"(?is)</?%s\b[^>]*>" % INLINE_TAGS, "", t)      # inline tags: no gap
    t = re.sub(r"(?s)<[^>]+>", " ", t)                          # block tags: a gap
    return html.unescape(t)


def md_text(raw):
    lines = []
    for line in raw.splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
        lines.append(line)
    return "\n".join(lines).replace("**", "")


def pdf_text(path):
    try:
        import pypdf
    except ImportError:
        raise SystemExit("pypdf is needed to read %s; run with a Python that has it "
                         "(e.g. /work/main/.venv/bin/python)" % os.path.basename(path))
    reader = pypdf.PdfReader(path)
    # pages joined by a line break; running headers/footers stay in the text, so a
    # sentence split across a page break would not be found (none is used)
    return "\n".join(p.extract_text() or "" for p in reader.pages)


def visible_text(doc_id):
    names = [n for n in os.listdir(CORPUS_DIR) if os.path.splitext(n)[0] == doc_id]
    if len(names) != 1:
        raise SystemExit("cannot find a single file for %s: %r" % (doc_id, names))
    path = os.path.join(CORPUS_DIR, names[0])
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        return ws(pdf_text(path))
    raw = open(path, encoding="utf-8").read()
    if ext in (".html", ".htm"):
        t = html_text(raw)
    elif ext == ".md":
        t = md_text(raw)
    else:
        t = raw
    return ws(t)


def check(rows):
    errors = []
    pub = public_docs()
    texts = {}
    ids, srcs = set(), set()
    for r in rows:
        rid = r.get("id", "?")
        if list(r.keys()) != FIELDS:
            errors.append("%s: fields %r" % (rid, list(r.keys())))
        missing = [k for k in FIELDS if not isinstance(r.get(k), str) or not r.get(k).strip()]
        for k in missing:
            errors.append("%s: empty or missing field %s" % (rid, k))
        if missing:
            continue
        if not re.fullmatch(r"c0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "corrowby":
            errors.append("%s: corpus %r" % (rid, r["corpus"]))
        if r["doc_id"] not in pub:
            errors.append("%s: doc %s is not a public document" % (rid, r["doc_id"]))
            continue
        if r["unfaithful_kind"] not in KINDS:
            errors.append("%s: bad kind %r" % (rid, r["unfaithful_kind"]))
        src = r["source_sentence"]
        if src in srcs:
            errors.append("%s: duplicate source sentence" % rid)
        srcs.add(src)
        if ws(src) != src:
            errors.append("%s: source has extra whitespace" % rid)
        if r["doc_id"] not in texts:
            texts[r["doc_id"]] = visible_text(r["doc_id"])
        if src not in texts[r["doc_id"]]:
            errors.append("%s: source sentence not found verbatim in %s" % (rid, r["doc_id"]))
        for k in ("faithful_paraphrase", "unfaithful_paraphrase", "negated", "invented_clause"):
            if r[k] == src:
                errors.append("%s: %s identical to source" % (rid, k))
        if r["faithful_paraphrase"] == r["unfaithful_paraphrase"]:
            errors.append("%s: faithful == unfaithful" % rid)
        inv = r["invented_clause"]
        stem = src[:-1] if src.endswith(".") else src
        if not (inv.startswith(stem) and len(inv) > len(src) and inv[len(stem)] in ".,;"):
            errors.append("%s: invented_clause does not extend the source" % rid)
    if len(rows) != 40:
        errors.append("expected 40 rows, got %d" % len(rows))
    if sorted(ids) != ["c%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run c001-c040")
    kinds = Counter(r.get("unfaithful_kind") for r in rows)
    for k in KINDS:
        if not 5 <= kinds.get(k, 0) <= 6:
            errors.append("kind %s used %d times (want 5-6)" % (k, kinds.get(k, 0)))
    docs = Counter(r.get("doc_id") for r in rows)
    for d in sorted(pub):
        if docs.get(d, 0) != ROWS_PER_DOC:
            errors.append("public document %s has %d rows (want %d)" % (d, docs.get(d, 0), ROWS_PER_DOC))
    return errors, kinds


def main():
    rows = build()
    # re-read the written file so the check covers what is on disk
    with open(OUT, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    errors, kinds = check(rows)
    docs = Counter(r["doc_id"] for r in rows)
    print("wrote %s: %d rows" % (os.path.relpath(OUT), len(rows)))
    print("per doc:", dict(docs))
    print("per kind:", {k: kinds.get(k, 0) for k in KINDS})
    if errors:
        print("FAILED:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
