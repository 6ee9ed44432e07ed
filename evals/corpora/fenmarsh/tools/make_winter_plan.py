# Build the hard-wrapped "PDF export" of the winter plan (run once; output is the corpus file).
import textwrap
HEADER = "NHS Fenmarsh and Carrow ICB - Winter Plan 2025/26"
pages = [
"""
WINTER PLAN 2025/26
Keeping people well and services safe this winter

NHS Fenmarsh and Carrow Integrated Care Board
Approved by the ICB Board on 6 October 2025

1. Introduction

Every winter the NHS in Fenmarsh and Carrow sees more people who are seriously unwell, more people who need a hospital bed and more pressure on GP practices, community services and social care. Cold weather, flu, COVID-19, RSV and norovirus all add to the demand at the same time as staff sickness rises.

This plan sets out what the ICB and its partners will do between 1 November 2025 and 31 March 2026 to keep people well, to make sure people can get the right care when they need it, and to help people leave hospital as soon as they are ready. It has been agreed with Fenmarsh and Carrow Hospitals NHS Foundation Trust, Fenmarsh and Carrow Partnership NHS Trust, East Fen Ambulance Service NHS Trust, our 63 GP practices, Fenmarsh District Council and Carrow Borough Council.

The ICB has set aside £7.3 million of winter funding to pay for the extra capacity described in this plan.

2. Vaccination

Vaccination is the most important thing we can do to prevent serious illness this winter. Our targets for flu vaccination uptake by 31 January 2026 are:

- 75% of people aged 65 and over
- 55% of people aged under 65 in a clinical risk group
- 60% of frontline health and care staff

Last winter 71.8% of people aged 65 and over in Fenmarsh and Carrow had a flu vaccination, so reaching the new target will mean about 6,500 more older people being vaccinated. The autumn COVID-19 vaccination programme for people aged 75 and over, care home residents and people with a weakened immune system runs until 19 December 2025.

Pharmacies and GP practices will run pop-up vaccination clinics at markets, supermarkets and community centres, with a mobile vaccination van visiting the villages around Saltby and Holmbridge.
""",
"""
3. More appointments in the community

From 1 December 2025 to 31 March 2026 we will open three acute respiratory infection (ARI) hubs for people with coughs, chest infections and other winter illnesses who need to be seen on the same day. The hubs will be at Quay Street Health Centre in Fenmarsh, Mill Lane Surgery in Carrow and Saltby Community Hospital. They will be open on weekdays from 8am to 8pm, by booked appointment only through your GP practice or NHS 111. Together the hubs will provide around 26,000 extra appointments over the winter.

We will also promote Pharmacy First so that people with conditions such as sore throats and sinusitis can be treated by their local pharmacist, leaving GP appointments for those who need them most.

4. Hospital capacity

To cope with higher demand we will open 58 extra escalation beds: 34 at Fenmarsh General Hospital and 24 at Carrow Royal Infirmary. These beds will be staffed by a mix of permanent, bank and agency staff and will open in stages from mid-December.

Virtual wards let people receive hospital-level care in their own home, with checks by phone, video and home visits. We will increase virtual ward capacity from 160 to 220 beds by 1 December 2025, with the extra places mainly for people with frailty and breathing problems.

Our aim for A&E is that 78% of patients are admitted, transferred or discharged within four hours by March 2026. Our aim for ambulances is that no handover of a patient from an ambulance crew to hospital staff takes longer than 45 minutes, so that crews can get back on the road quickly.

5. Leaving hospital

When people are well enough to leave hospital, waiting for care or support at home can leave them in a bed they no longer need. On an average day last winter, 190 people in our hospitals were medically fit to leave but were still waiting. We aim to bring this down to 120 by the end of March 2026.
""",
"""
To do this, a joint discharge hub with staff from the hospitals and both councils will work seven days a week, and our Home First service will help people go home and have their care needs assessed there rather than in hospital.

6. Coordinating the system

The System Coordination Centre will be open from 8am to 8pm, seven days a week, from 1 December 2025. It will monitor pressures across hospitals, ambulance and community services every day and agree actions with partners when any part of the system is under strain.

7. Keeping warm and well

With Fenmarsh District Council and Carrow Borough Council we will run the Warm and Well campaign, which gives advice on heating, benefits and staying healthy in cold weather. More than 45 libraries and community centres will act as warm spaces where people can spend time for free.

8. Risks

The main risks to this plan are a severe flu season, outbreaks of norovirus in hospitals and care homes, staff sickness and any industrial action. We have agreed plans with partners for each of these.

9. Monitoring and review

The ICB Board will receive a progress report at its meeting on 28 January 2026, and a full review of how the winter went will be published in May 2026.
""",
]
out = []
for n, page in enumerate(pages, 1):
    lines = [HEADER, ""]
    for para in page.strip("\n").split("\n\n"):
        for raw in para.split("\n"):
            if raw.startswith("- "):
                lines += textwrap.wrap(raw, 72, subsequent_indent="  ", break_on_hyphens=False)
            elif len(raw) < 72:
                lines.append(raw)
            else:
                lines += textwrap.wrap(raw, 72, break_on_hyphens=False)
        lines.append("")
    lines += ["", f"Page {n} of {len(pages)}", "\f" if n < len(pages) else ""]
    out.append(lines)

def hyphenate(word, cut):
    pre, suf = word[:cut], word[cut:]
    for lines in out:
        for i in range(len(lines) - 1):
            if lines[i + 1].startswith(word + " ") or lines[i + 1] == word or lines[i+1].startswith(word + ","):
                if len(lines[i]) + 1 + len(pre) + 1 <= 73 and lines[i]:
                    lines[i] = lines[i] + " " + pre + "-"
                    lines[i + 1] = suf + lines[i + 1][len(word):]
                    return True
    return False

import sys
for w, c in [("respiratory", 5), ("norovirus", 4)]:
    print(w, hyphenate(w, c), file=sys.stderr)
text = "\n".join("\n".join(l) for l in out).rstrip("\n") + "\n"
text = text.replace("\n\f\n", "\n\f")
open("/work/fenmarsh/corpus/fenmarsh-winter-plan.txt", "w").write(text)
