using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Record;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Every section of the record for the new demo patients (synthetic): allergies, medications (active, stopped
/// and completed; one controlled), immunizations with CVX codes, problems, vital signs at two visits each with
/// their after-visit summaries, a care plan, a shared note and a PDF document (Benjamin's hospital discharge
/// letter). Written as the clinic's EHR would have pushed it, through the record's write port (no notice: it
/// is history the patient finds on first sign-in).
/// </summary>
internal static class DemoRecord
{
    /// <summary>The EHR integration's sign-in subject (app role Records.Push).</summary>
    public const string EhrSubject = "ehr-riverside";

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> createdPatients, CancellationToken cancellationToken)
    {
        var record = services.GetRequiredService<IHealthRecord>();
        var documents = services.GetRequiredService<IDocumentContent>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<ClinicOptions>>().Value.TimeZone);
        foreach (var (subject, patientId) in createdPatients)
        {
            var chart = new DemoChart(patientId, zone);
            Charts[subject](chart);
            foreach (var (index, pdf) in chart.Pdfs)
            {
                var stored = await documents.SaveAsync(patientId, pdf, "application/pdf", cancellationToken);
                var item = chart.Items[index];
                chart.Items[index] = item with { Content = item.Content with { Document = item.Content.Document! with { BlobName = stored.BlobName, Size = stored.Size, Sha256 = stored.Sha256 } } };
            }

            var writeId = "demo" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patientId)))[..32];
            await record.WriteAsync(new RecordWrite(patientId, writeId, [.. chart.Items.Select(i => new RecordChange(null, null, i))], null), cancellationToken);
        }
    }

    private static readonly IReadOnlyDictionary<string, Action<DemoChart>> Charts = new Dictionary<string, Action<DemoChart>>
    {
        ["patient-ana"] = Ana,
        ["patient-ben"] = Ben,
        ["patient-chloe"] = Chloe,
        ["patient-david"] = David,
        ["patient-leo"] = Leo,
    };

    private static void Ana(DemoChart c)
    {
        var physical = c.Visit("2025-11-18T09:00:00-06:00", "Annual physical", "Dr. Mei Chen, MD", "Yearly check-up",
            ["Hypothyroidism|E03.9", "Encounter for general adult medical examination|Z00.00"],
            "Your check-up went well. Your thyroid test (TSH) was a little high, so we are raising your levothyroxine dose from 50 to 75 micrograms. Your blood pressure and weight are healthy.",
            ["Take levothyroxine on an empty stomach, 30 minutes before breakfast.", "Keep taking it at the same time every day."],
            ["Thyroid blood test (TSH) in 6 weeks|2025-12-30", "Follow-up visit with Dr. Chen in about 6 weeks|2026-01-06"]);
        var followUp = c.Visit("2026-01-20T10:30:00-06:00", "Follow-up visit", "Dr. Mei Chen, MD", "Thyroid dose check",
            ["Hypothyroidism|E03.9"],
            "Your TSH is back in the normal range on the new dose. Keep taking levothyroxine 75 micrograms every morning. Your headaches are less frequent.",
            ["Continue levothyroxine 75 mcg daily.", "Keep a headache diary and bring it to your next visit."],
            ["Annual physical in November|2026-11-17"]);
        c.Allergy("Penicillin", "7980", CodeSystems.RxNorm, AllergyCategory.Medication, "Hives", AllergySeverity.Moderate, AllergyCriticality.High, "2009");
        c.Medication("Levothyroxine Sodium 50 MCG Oral Tablet", "966221", "1 tablet by mouth every morning", "Dr. Mei Chen, MD", "2023-04-12", null, MedicationStatus.Stopped,
            end: "2025-11-18", stoppedAt: physical, stopReason: "Dose raised to 75 mcg", reason: "Hypothyroidism");
        c.Medication("Levothyroxine Sodium 75 MCG Oral Tablet", "966222", "1 tablet by mouth every morning, 30 minutes before breakfast", "Dr. Mei Chen, MD", "2025-11-18", physical,
            refills: 5, days: 90, quantity: 90, lastFill: "2026-01-02", reason: "Hypothyroidism");
        c.Medication("Sumatriptan 50 MG Oral Tablet", "313114", "1 tablet at the start of a migraine; may repeat once after 2 hours", "Dr. Mei Chen, MD", "2024-06-03", null,
            refills: 2, days: 30, quantity: 9, lastFill: "2025-09-14", reason: "Migraine");
        c.Immunization("Influenza, injectable, quadrivalent", "150", "2025-10-04", "FL2291A", "Left arm", "Priya Patel, NP");
        c.Immunization("Tdap", "115", "2021-08-19", "TD8817C", "Left arm", "Priya Patel, NP");
        c.Problem("Hypothyroidism", "E03.9", "40930008", "2023-04");
        c.Problem("Migraine without aura", "G43.009", "56097005", "2016");
        c.Vitals(physical, "2025-11-18T09:10:00-06:00", 118, 76, 72, 63.5m, 165, 36.8m, 99);
        c.Vitals(followUp, "2026-01-20T10:40:00-06:00", 116, 74, 70, 63.1m, 165, 36.7m, 98);
        c.CarePlan("Thyroid care plan", "Take levothyroxine every morning on an empty stomach. We check your TSH 6 weeks after every dose change, then once a year.",
            "2025-11-18", ["Levothyroxine 75 mcg every morning", "TSH blood test 6 weeks after a dose change, then yearly"], ["TSH between 0.5 and 4.0"], "Dr. Mei Chen, MD");
        c.Note(followUp, "2026-01-20T11:05:00-06:00", "Dr. Mei Chen, MD",
            "Ana returns after raising levothyroxine to 75 mcg. Feels more energetic. TSH 2.1 (normal). Migraines down to about one a month; sumatriptan works. Plan: continue the current dose, yearly TSH.");
        c.Document("Work note", DocumentKind.Letter, "34109-9", "2025-11-18", "Dr. Mei Chen, MD", "Note for Ana's employer",
            ["To whom it may concern:", "Ana Diaz was seen at our clinic on November 18, 2025.", "She may return to work on November 19, 2025.", "Dr. Mei Chen, MD, Riverside Family Clinic"], physical);
    }

    private static void Ben(DemoChart c)
    {
        var diabetes = c.Visit("2025-12-02T08:30:00-06:00", "Diabetes check", "Dr. Samuel Okonkwo, DO", "A1c review and foot exam",
            ["Type 2 diabetes mellitus without complications|E11.9", "Essential hypertension|I10"],
            "Your A1c is 7.4%, a little above our goal of 7%. Your feet look healthy. Your blood pressure was 148/88, higher than we want: please check it at home this month.",
            ["Walk 30 minutes at least five days a week.", "Check your blood pressure at home twice a week and write it down."],
            ["Blood pressure follow-up visit in 2 months|2026-02-10", "Eye exam with an ophthalmologist this year"]);
        var pressure = c.Visit("2026-02-10T09:15:00-06:00", "Follow-up visit", "Dr. Samuel Okonkwo, DO", "Blood pressure follow-up",
            ["Essential hypertension|I10"],
            "Your home readings averaged 146/86, so we are switching lisinopril to amlodipine 5 mg; lisinopril also gave you a dry cough. Stop lisinopril today and start amlodipine tomorrow morning.",
            ["Stop lisinopril.", "Start amlodipine 5 mg every morning.", "Call us if your ankles swell."],
            ["Blood pressure check in 4 weeks|2026-03-10", "Fasting blood test (A1c, lipids) before the next visit"]);
        c.Allergy("Sulfamethoxazole", "10180", CodeSystems.RxNorm, AllergyCategory.Medication, "Skin rash", AllergySeverity.Mild, AllergyCriticality.Low, "1998");
        c.Allergy("Shellfish", "227037002", CodeSystems.Snomed, AllergyCategory.Food, "Swelling of lips and throat", AllergySeverity.Severe, AllergyCriticality.High, "1985");
        c.Medication("Metformin Hydrochloride 500 MG Oral Tablet", "861007", "1 tablet by mouth twice a day with meals", "Dr. Samuel Okonkwo, DO", "2019-03-05", null,
            refills: 3, days: 90, quantity: 180, lastFill: "2026-01-15", reason: "Type 2 diabetes");
        c.Medication("Lisinopril 10 MG Oral Tablet", "314076", "1 tablet by mouth once daily", "Dr. Samuel Okonkwo, DO", "2021-07-20", null, MedicationStatus.Stopped,
            end: "2026-02-10", stoppedAt: pressure, stopReason: "Dry cough; switched to amlodipine", reason: "High blood pressure");
        c.Medication("Amlodipine 5 MG Oral Tablet", "197361", "1 tablet by mouth every morning", "Dr. Samuel Okonkwo, DO", "2026-02-11", pressure,
            refills: 5, days: 30, quantity: 30, lastFill: "2026-02-10", reason: "High blood pressure");
        c.Medication("Atorvastatin 20 MG Oral Tablet", "617312", "1 tablet by mouth at bedtime", "Dr. Samuel Okonkwo, DO", "2020-01-14", null,
            refills: 2, days: 90, quantity: 90, lastFill: "2025-12-20", reason: "High cholesterol");
        c.Immunization("Pneumococcal conjugate PCV 20", "216", "2024-10-01", "PN2044B", "Right arm", "Priya Patel, NP");
        c.Immunization("Zoster recombinant (Shingrix)", "187", "2023-05-16", "SX5521K", "Left arm", "Priya Patel, NP");
        c.Immunization("Influenza, high-dose, quadrivalent", "197", "2025-09-30", "FH7731D", "Left arm", "Priya Patel, NP");
        c.Problem("Type 2 diabetes mellitus", "E11.9", "44054006", "2019-03");
        c.Problem("Essential hypertension", "I10", "59621000", "2021-07");
        c.Problem("Hyperlipidemia", "E78.5", "55822004", "2020-01");
        c.Problem("Chest pain, unspecified", "R07.9", "29857009", "2025-09-21", status: ProblemClinicalStatus.Resolved, abatement: "2025-09-23");
        c.Vitals(diabetes, "2025-12-02T08:40:00-06:00", 148, 88, 78, 91.2m, 178, 36.9m, 97);
        c.Vitals(pressure, "2026-02-10T09:20:00-06:00", 144, 86, 76, 90.4m, 178, 36.8m, 97);
        c.CarePlan("Diabetes and blood pressure plan",
            "Keep your A1c under 7% and your blood pressure under 130/80 with medicines, walking and a lower-salt diet. We check A1c every 3 months and your eyes and kidneys every year.",
            "2025-12-02", ["Metformin twice a day", "Amlodipine every morning", "Walk 30 minutes, 5 days a week", "A1c every 3 months", "Yearly eye exam and kidney test"],
            ["A1c below 7%", "Blood pressure below 130/80"], "Dr. Samuel Okonkwo, DO");
        c.Note(pressure, "2026-02-10T09:45:00-06:00", "Dr. Samuel Okonkwo, DO",
            "Benjamin reports a dry cough since starting lisinopril. Home BP average 146/86. Plan: stop lisinopril, start amlodipine 5 mg daily, recheck in 4 weeks. Fasting labs before the next visit.");
        c.Document("Hospital discharge letter", DocumentKind.Discharge, "18842-5", "2025-09-23", "Northside Hospital, Dr. Alicia Romero", "Discharge after observation for chest pain",
            [
                "Northside Hospital - Discharge summary", "Patient: Benjamin Okafor   Admitted: 2025-09-21   Discharged: 2025-09-23",
                "Reason: chest pain, observed for 48 hours.", "Findings: ECG and troponin normal; stress test normal. Not a heart attack.",
                "Diagnosis: non-cardiac chest pain (resolved).", "Follow-up: see your primary care doctor within 2 weeks.", "Medicines: no changes.",
            ]);
    }

    private static void Chloe(DemoChart c)
    {
        var asthma = c.Visit("2025-10-07T14:00:00-05:00", "Office visit", "Priya Patel, NP", "Asthma check",
            ["Mild intermittent asthma, uncomplicated|J45.20"],
            "Your asthma is well controlled: you use your rescue inhaler about once a week, mostly when running in the cold. We reviewed how to use the inhaler with a spacer.",
            ["Use albuterol 2 puffs 15 minutes before running in cold weather.", "Use the spacer with every puff."],
            ["Asthma check in 6 months|2026-04-07"]);
        var video = c.Visit("2026-01-13T17:30:00-06:00", "Video visit", "Priya Patel, NP", "Anxiety follow-up",
            ["Generalized anxiety disorder|F41.1"],
            "You feel calmer on sertraline 50 mg and sleep better. We keep the same dose. Counseling every two weeks is going well; keep it up.",
            ["Keep taking sertraline 50 mg every morning.", "Continue counseling every two weeks."],
            ["Video follow-up in 3 months|2026-04-14"], VisitClass.Virtual);
        c.Allergy("Latex", "111088007", CodeSystems.Snomed, AllergyCategory.Environment, "Itchy rash", AllergySeverity.Mild, AllergyCriticality.Low, "2014");
        c.Medication("Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "745679", "2 puffs every 4 to 6 hours as needed for wheezing", "Priya Patel, NP", "2022-09-01", null,
            refills: 1, days: 30, quantity: 1, lastFill: "2025-10-07", reason: "Asthma");
        c.Medication("Sertraline 50 MG Oral Tablet", "312941", "1 tablet by mouth every morning", "Priya Patel, NP", "2025-08-04", null,
            refills: 4, days: 30, quantity: 30, lastFill: "2026-02-03", reason: "Anxiety");
        c.Medication("Sertraline 25 MG Oral Tablet", "312940", "1 tablet by mouth every morning for 2 weeks", "Priya Patel, NP", "2025-07-21", null, MedicationStatus.Completed,
            end: "2025-08-03", reason: "Anxiety (starting dose)");
        c.Immunization("HPV, 9-valent", "165", "2013-03-12", "HP9012A", "Right arm", "Riverside pediatrics");
        c.Immunization("COVID-19, mRNA, 2025-2026 formula", "309", "2025-10-07", "CV2510M", "Left arm", "Priya Patel, NP");
        c.Immunization("Influenza, injectable, quadrivalent", "150", "2025-10-07", "FL2291A", "Right arm", "Priya Patel, NP");
        c.Problem("Mild intermittent asthma", "J45.20", "426979002", "2008");
        c.Problem("Generalized anxiety disorder", "F41.1", "21897009", "2025-07");
        c.Vitals(asthma, "2025-10-07T14:05:00-05:00", 112, 70, 68, 58.0m, 162, 36.6m, 99);
        c.Vitals(video, "2026-01-13T17:30:00-06:00", 114, 72, 70, 58.4m, 162, 36.7m, 98);
        c.CarePlan("Asthma action plan", "Green zone: no symptoms, use albuterol before exercise in the cold. Yellow zone: coughing or wheezing, use albuterol every 4 hours and call us if it lasts more than 2 days. Red zone: very short of breath, call 911.",
            "2025-10-07", ["Albuterol before running in cold weather", "Spacer with every puff", "Flu shot every autumn"], ["No night-time symptoms", "No missed workdays"], "Priya Patel, NP");
        c.Note(asthma, "2025-10-07T14:30:00-05:00", "Priya Patel, NP",
            "Chloe's asthma is well controlled (rescue inhaler about weekly, exercise-induced). Lungs clear. Inhaler technique reviewed with spacer. Flu and COVID vaccines given today.");
        c.Document("Asthma action plan (signed)", DocumentKind.Form, "52521-2", "2025-10-07", "Priya Patel, NP", "Signed asthma action plan",
            ["Asthma action plan for Chloe Nguyen", "Green: albuterol 2 puffs before exercise in the cold.", "Yellow: albuterol every 4 hours; call if longer than 2 days.", "Red: call 911.", "Signed: Priya Patel, NP"], asthma);
    }

    private static void David(DemoChart c)
    {
        var knee = c.Visit("2025-08-14T11:00:00-05:00", "Office visit", "Dr. Mei Chen, MD", "Right knee pain",
            ["Primary osteoarthritis, right knee|M17.11"],
            "The X-ray shows wear (osteoarthritis) in your right knee. We start meloxicam for pain and refer you to physical therapy and to an orthopedic surgeon.",
            ["Take meloxicam once a day with food.", "Start physical therapy twice a week."],
            ["Orthopedic surgery consultation", "Follow-up visit after the consultation"]);
        var postOp = c.Visit("2025-12-09T15:30:00-06:00", "Follow-up visit", "Dr. Mei Chen, MD", "After knee arthroscopy",
            ["Primary osteoarthritis, right knee|M17.11", "Gastro-esophageal reflux disease|K21.9"],
            "Your knee is healing well after the arthroscopy on November 20. You finished the oxycodone. Keep doing your exercises. Your heartburn is better on omeprazole.",
            ["Keep doing the knee exercises every day.", "Take omeprazole 30 minutes before breakfast."],
            ["Physical therapy for 6 more weeks", "Follow-up visit in 3 months|2026-03-10"]);
        c.Allergy("Codeine", "2670", CodeSystems.RxNorm, AllergyCategory.Medication, "Nausea and vomiting", AllergySeverity.Moderate, AllergyCriticality.Low, "2012");
        c.Medication("Meloxicam 15 MG Oral Tablet", "152695", "1 tablet by mouth once a day with food", "Dr. Mei Chen, MD", "2025-08-14", knee,
            refills: 2, days: 30, quantity: 30, lastFill: "2026-01-28", reason: "Knee osteoarthritis");
        c.Medication("Oxycodone Hydrochloride 5 MG Oral Tablet", "1049621", "1 tablet by mouth every 6 hours as needed for severe pain", "Dr. Raj Mehta (orthopedics)", "2025-11-20", null,
            MedicationStatus.Completed, refills: 0, days: 5, quantity: 20, lastFill: "2025-11-20", controlled: true, reason: "Pain after knee surgery", end: "2025-11-27");
        c.Medication("Omeprazole 20 MG Delayed Release Oral Capsule", "198053", "1 capsule by mouth 30 minutes before breakfast", "Dr. Mei Chen, MD", "2025-12-09", postOp,
            refills: 3, days: 30, quantity: 30, lastFill: "2026-02-05", reason: "Heartburn");
        c.Immunization("Tdap", "115", "2019-05-02", "TD4410B", "Left arm", "Priya Patel, NP");
        c.Immunization("Influenza, injectable, quadrivalent", "150", "2025-10-21", "FL2291A", "Left arm", "Priya Patel, NP");
        c.Immunization("COVID-19, mRNA, 2025-2026 formula", "309", "2025-10-21", "CV2510M", "Right arm", "Priya Patel, NP");
        c.Problem("Primary osteoarthritis of right knee", "M17.11", "239873007", "2025-08-14", knee, category: ProblemCategory.ProblemList);
        c.Problem("Gastro-esophageal reflux disease", "K21.9", "235595009", "2025-12-09", postOp);
        c.Vitals(knee, "2025-08-14T11:05:00-05:00", 128, 82, 74, 96.0m, 183, 36.7m, 98);
        c.Vitals(postOp, "2025-12-09T15:35:00-06:00", 126, 80, 72, 94.8m, 183, 36.8m, 98);
        c.CarePlan("Knee recovery plan", "Daily knee exercises and physical therapy twice a week for 6 weeks after surgery; meloxicam with food for pain; no running or jumping until your next visit.",
            "2025-12-09", ["Knee exercises every day", "Physical therapy twice a week for 6 weeks", "Meloxicam with food as needed"], ["Walk a mile without pain", "Climb stairs without a cane"], "Dr. Mei Chen, MD");
        c.Note(postOp, "2025-12-09T16:00:00-06:00", "Dr. Mei Chen, MD",
            "Post-op visit 19 days after right knee arthroscopy (Dr. Mehta). Incisions healed, mild effusion, range of motion 0-115. Oxycodone finished. New heartburn: start omeprazole 20 mg.");
        c.Document("Right knee X-ray report", DocumentKind.Imaging, "18748-4", "2025-08-14", "Dr. Lena Fischer, radiologist", "X-ray of the right knee, 3 views",
            ["Riverside Imaging - Radiology report", "Exam: right knee, 3 views. Date: 2025-08-14.", "Findings: narrowing of the medial joint space, small osteophytes.", "Impression: moderate osteoarthritis of the right knee.", "Radiologist: Dr. Lena Fischer"], knee);
    }

    private static void Leo(DemoChart c)
    {
        var wellChild = c.Visit("2025-09-02T15:00:00-05:00", "Well-child visit", "Dr. Mei Chen, MD", "9-year check-up",
            ["Encounter for routine child health examination|Z00.129", "Allergy to peanuts|Z91.010"],
            "Leo is growing well (height and weight on his usual curves). We renewed his EpiPen Jr prescription and his school allergy action plan. He got his flu vaccine today.",
            ["Keep an EpiPen Jr at school and at home; check the expiry dates.", "Read food labels for peanuts."],
            ["Well-child visit next September|2026-09-01"]);
        var sports = c.Visit("2026-01-06T15:30:00-06:00", "Sports physical", "Dr. Mei Chen, MD", "Basketball pre-participation exam",
            ["Encounter for examination for participation in sport|Z02.5"],
            "Leo is cleared to play basketball. His heart and lungs are normal. His coach should know about his peanut allergy and where his EpiPen is.",
            ["Bring the EpiPen Jr to every practice and game.", "Drink water during practice."],
            ["Signed sports form is in Documents"]);
        c.Allergy("Peanut", "762952008", CodeSystems.Snomed, AllergyCategory.Food, "Hives and wheezing", AllergySeverity.Severe, AllergyCriticality.High, "2018-05");
        c.Medication("Epinephrine 0.15 MG Auto-Injector (EpiPen Jr)", "1870225", "Inject into the outer thigh at once for a severe allergic reaction, then call 911", "Dr. Mei Chen, MD", "2025-09-02", wellChild,
            refills: 1, days: 365, quantity: 2, lastFill: "2025-09-03", reason: "Peanut allergy");
        c.Medication("Cetirizine 1 MG/ML Oral Solution", "1014678", "5 mL by mouth once daily in spring and autumn", "Dr. Mei Chen, MD", "2024-04-10", null,
            refills: 2, days: 30, quantity: null, lastFill: "2025-09-20", reason: "Seasonal allergies");
        c.Immunization("MMR", "03", "2020-09-10", "MM3301A", "Left arm", "Riverside pediatrics");
        c.Immunization("DTaP", "20", "2020-09-10", "DT7721C", "Right thigh", "Riverside pediatrics");
        c.Immunization("Varicella", "21", "2020-09-10", "VR1188D", "Left arm", "Riverside pediatrics");
        c.Immunization("Influenza, injectable, quadrivalent, pediatric", "150", "2025-09-02", "FL2291P", "Left arm", "Priya Patel, NP");
        c.Problem("Allergy to peanuts", "Z91.010", "91935009", "2018-05");
        c.Problem("Seasonal allergic rhinitis", "J30.2", "367498001", "2022-04");
        c.Vitals(wellChild, "2025-09-02T15:05:00-05:00", 102, 64, 88, 29.5m, 134, 36.8m, 99);
        c.Vitals(sports, "2026-01-06T15:35:00-06:00", 104, 66, 84, 30.6m, 136, 36.7m, 99);
        c.CarePlan("Food allergy action plan", "If Leo eats peanuts and has trouble breathing, throat swelling, or many hives: give the EpiPen Jr at once and call 911. For a few hives only: give cetirizine and watch him closely.",
            "2025-09-02", ["EpiPen Jr at home and at school", "School nurse has a copy of the plan", "Read food labels"], ["No severe reactions", "Leo can explain his allergy to adults"], "Dr. Mei Chen, MD");
        c.Note(wellChild, "2025-09-02T15:40:00-05:00", "Dr. Mei Chen, MD",
            "9-year well-child visit. Growth along the 60th percentile. Development normal, doing well in 4th grade. Peanut allergy: no reactions this year; EpiPen Jr renewed, action plan updated. Flu vaccine given.");
        c.Document("Sports physical form (signed)", DocumentKind.Form, "52521-2", "2026-01-06", "Dr. Mei Chen, MD", "Pre-participation physical evaluation",
            ["Pre-participation physical evaluation - Leo Diaz", "Sport: basketball. Date: 2026-01-06.", "Cleared for all sports without restriction.", "Note: peanut allergy; carries EpiPen Jr.", "Signed: Dr. Mei Chen, MD"], sports);
    }
}
