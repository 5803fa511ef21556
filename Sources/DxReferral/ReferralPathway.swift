/// The referral pathway for a low-energy vertebral compression fracture
/// (referral-pathway.md, version 2): rules R1–R19 with R10c, the scope item
/// for high-energy trauma, and the acute-versus-chronic gate G, as data.
/// `dxkit refer --rules` prints this table; ``ReferralEngine`` runs it.
public enum ReferralPathway {
    /// The specification version these rules implement.
    public static let version = 2

    // MARK: Caveats shared by several rules

    static let unverifiedCaveat =
        "The seed attributes this to the ACR Appropriateness Criteria, but the wording was not found in the ACR text that could be read."
    static let noSourceCaveat = "No guideline source was found for this timing; it is the seed's wording."
    static let augmentationCaveat =
        "Sham-controlled evidence finds little benefit: Cochrane 2018 (21 trials, 5 against sham, 541 people) and the ASBMR 2019 task force found no clinically important benefit of vertebroplasty over placebo; AAOS 2010 recommends strongly against vertebroplasty. ACR 2018 rates augmentation 'usually appropriate'. Discuss the conflict with the patient."
    static let sourcesDifferCaveat =
        "NICE TA279 recommends augmentation only for severe ongoing pain after a recent, unhealed fracture despite optimal pain management, with the level confirmed by examination and imaging; ACR 2018 Variant 2 rates it 'usually appropriate' with or without oedema on MRI. The sources differ."
    static let calcitoninCaveat =
        "Calcitonin is not licensed for fracture pain in the EU; the nasal spray was withdrawn in the EU (EMA 2012) and Canada (2013); long-term use carries a small excess cancer risk (FDA 2014: 4.1 % vs 2.9 %). If used at all, limit it to 4 weeks early after the fracture. It helps acute fractures only (Knopp-Sihota 2012)."
    static let blockCaveat =
        "The L2 nerve-root-block trial (Ohtori 2009) treated L3 or L4 fractures by blocking the L2 root; there is no trial evidence for an L2 fracture."
    static let acr2022Caveat =
        "ACR 2022 Variant 2 (second-hand ratings) covers a history of malignancy, not a suspected one; ACR rates the area of interest, not the whole spine."
    static let clinicalStandardCaveat =
        "The time frame, the myeloma tests and the route without MRI are clinical standard practice, not in the seed."

    // MARK: Conditions shared by several rules

    static func yes(_ input: PatientInput) -> Condition { .answer(input, .yes) }

    /// Why augmentation (R5, R6) is withheld (the spec's "Augmentation" section).
    static let augmentationWithholdings: [ReferralRule.Withholding] = [
        .init(
            when: .mri([.noOedema]),
            reason:
                "MRI shows no oedema: augmentation treats unhealed fractures. A fracture without oedema but with a cleft or non-union (Kümmell) is a question for a spinal specialist."
        ),
        .init(
            when: .gate(.acuteLessLikely),
            reason: "the bedside estimate says an acute fracture is less likely: augmentation treats unhealed fractures."),
        .init(when: yes(.infectionSuspected), reason: "infection is suspected: augmentation is contraindicated (R17 first)."),
        .init(when: yes(.neurologicalDeficit), reason: "a neurological deficit: emergency surgical assessment comes first (R1)."),
        .init(when: yes(.spinalInstability), reason: "spinal instability or retropulsion: surgical assessment comes first (R2)."),
        .init(
            when: yes(.malignancySuspected),
            reason: "malignancy is suspected: augmentation is decided by an oncology, spine and interventional team, not by this pathway (R13)."),
        .init(when: yes(.pregnant), reason: "pregnancy: augmentation is contraindicated."),
    ]

    static let redFlagRoute =
        "a red flag is present: care follows the red-flag items (R1, R2, R4, R13 or R17)"

    static let augmentationEvidence = [
        "acr-2018-variant-2", "nice-ta279-augmentation", "vertebral-augmentation-cochrane-2018", "asbmr-2019-augmentation-task-force",
        "augmentation-unhealed-fracture-sources-differ",
    ]

    // MARK: The rules

    /// The rules in table order (R10c after R10).
    public static let rules: [ReferralRule] = [
        ReferralRule(
            id: "R1", title: "neurological deficit: emergency referral and imaging", when: yes(.neurologicalDeficit),
            advice: .init(
                "Refer today as an emergency to orthopaedic surgery or neurosurgery, with an emergency MRI of the whole spine today (transfer to a centre with MRI if it is not available here).",
                imaging: [.mri]),
            variants: [
                .init(
                    when: .mri([.contraindicated]),
                    .init(
                        "Refer today as an emergency to orthopaedic surgery or neurosurgery, with an emergency CT of the spine, or CT myelography, today (transfer if needed).",
                        imaging: [.ct, .ctMyelography], exposures: [.contrast])),
                .init(
                    when: .mri([.oedema, .noOedema]),
                    .init(
                        "Refer today as an emergency to orthopaedic surgery or neurosurgery; review the MRI with the spinal team today, and repeat emergency MRI today if the deficit is new or worse since it was done.",
                        imaging: [.mri])),
            ],
            addenda: [
                .init(
                    when: yes(.anticoagulated),
                    .init(
                        "The patient is anticoagulated or has a coagulopathy: a new deficit may be a spinal epidural haematoma, which needs emergency decompression."
                    ), evidence: ["anticoagulation-epidural-haematoma", "spinal-epidural-haematoma-neurosurg-focus-2004"]),
                .init(
                    when: .answer(.anticoagulated, .unknown),
                    .init("If the patient is anticoagulated or has a coagulopathy, a new deficit may be a spinal epidural haematoma."),
                    evidence: ["anticoagulation-epidural-haematoma"]),
            ],
            specialty: .orthopaedicSurgeryOrNeurosurgery, urgency: .emergency,
            rationale:
                "A neurological deficit (weakness, numbness, saddle anaesthesia, bowel or bladder change) may mean cord, conus or cauda equina compression.",
            evidence: [
                "seed-immediate-referral-neurological-deficit", "seed-red-flag-definition", "emergency-imaging-neurological-deficit",
                "acr-2021-lbp-variant-4", "nice-qs56-mscc",
            ],
            caveats: [unverifiedCaveat, "The emergency imaging is clinical standard practice, not in the seed."],
            support: .attributedUnverified, isRedFlag: true,
            headline: "Emergency today: refer to orthopaedic surgery or neurosurgery, with emergency imaging of the spine today."),
        ReferralRule(
            id: "R2", title: "spinal instability: urgent surgical referral", when: yes(.spinalInstability),
            advice: .init("Refer urgently to orthopaedic surgery or neurosurgery: the fracture may need surgical stabilisation."),
            specialty: .orthopaedicSurgeryOrNeurosurgery, urgency: .urgent,
            rationale: "Clinical or imaging evidence of instability, including retropulsion.",
            evidence: ["seed-referral-spinal-instability", "seed-red-flag-definition"], caveats: [unverifiedCaveat],
            support: .attributedUnverified, isRedFlag: true,
            headline: "Urgent: refer to orthopaedic surgery or neurosurgery within 24–48 hours."),
        ReferralRule(
            id: "R3", title: "severe, worsening pain after 3 months: surgical referral",
            when: .all([.weeksAtLeast(12), .painSevere, .painTrajectory([.worsening])]),
            advice: .init("Refer to orthopaedic surgery or neurosurgery: severe, worsening pain despite 3 months of conservative management."),
            specialty: .orthopaedicSurgeryOrNeurosurgery, urgency: .soon,
            rationale: "Conservative management has failed over the period in which most fractures improve (2–12 weeks).",
            evidence: ["seed-referral-severe-worsening-pain-3-months", "seed-three-month-medical-management", "acr-2018-natural-history"],
            caveats: [unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R4", title: "deformity or progressive kyphosis: surgical referral", when: yes(.deformityOrProgressiveKyphosis),
            advice: .init("Refer to orthopaedic surgery or neurosurgery: significant deformity or progressive kyphosis."),
            specialty: .orthopaedicSurgeryOrNeurosurgery, urgency: .urgent,
            rationale: "Significant deformity or progressive kyphosis may need surgical assessment (a red-flag referral).",
            evidence: ["seed-referral-deformity-kyphosis", "seed-red-flag-definition"], caveats: [unverifiedCaveat],
            support: .attributedUnverified, isRedFlag: true,
            headline: "Urgent: refer to orthopaedic surgery or neurosurgery."),
        ReferralRule(
            id: "R5", title: "pain persisting after 3 months: consider augmentation",
            when: .all([.weeksAtLeast(12), .not(.acutePainSubsided)]),
            withheldWhen: augmentationWithholdings,
            advice: .init(
                "Consider referral to interventional radiology for percutaneous vertebral augmentation: pain persists after 3 months and MRI shows an unhealed fracture.",
                isProcedure: true),
            variants: [
                .init(
                    when: .mri([.contraindicated]),
                    .init(
                        "Consider referral to interventional radiology for percutaneous vertebral augmentation, but only once imaging shows an unhealed fracture (a bone scan or SPECT/CT): pain persists after 3 months.",
                        imaging: [.boneScan, .spectCT], isProcedure: true)),
                .init(
                    when: .not(.mri([.oedema])),
                    .init(
                        "Consider referral to interventional radiology for percutaneous vertebral augmentation, but only once imaging shows an unhealed fracture (MRI with STIR): pain persists after 3 months.",
                        imaging: [.mri], isProcedure: true)),
            ],
            specialty: .interventionalRadiology, urgency: .consider,
            rationale: "Persistent pain after 3 months of conservative management (ACR 2018 Variant 2: augmentation usually appropriate).",
            evidence: ["seed-ir-persistent-pain-3-months"] + augmentationEvidence,
            caveats: [augmentationCaveat, sourcesDifferCaveat, unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R6", title: "augmentation candidate with worsening pain, deformity or pulmonary dysfunction",
            when: .all([
                yes(.augmentationCandidate),
                .any([.painTrajectory([.worsening]), yes(.deformityOrProgressiveKyphosis), yes(.pulmonaryDysfunction)]),
                .not(.acutePainSubsided),
            ]),
            withheldWhen: augmentationWithholdings,
            advice: .init(
                "Refer to interventional radiology for percutaneous vertebral augmentation: a candidate with worsening pain, deformity or pulmonary dysfunction, and MRI shows an unhealed fracture.",
                isProcedure: true),
            variants: [
                .init(
                    when: .mri([.contraindicated]),
                    .init(
                        "Consider referral to interventional radiology for percutaneous vertebral augmentation, but only once imaging shows an unhealed fracture (a bone scan or SPECT/CT): a candidate with worsening pain, deformity or pulmonary dysfunction.",
                        imaging: [.boneScan, .spectCT], isProcedure: true), urgency: .consider),
                .init(
                    when: .not(.mri([.oedema])),
                    .init(
                        "Consider referral to interventional radiology for percutaneous vertebral augmentation, but only once imaging shows an unhealed fracture (MRI with STIR): a candidate with worsening pain, deformity or pulmonary dysfunction.",
                        imaging: [.mri], isProcedure: true), urgency: .consider),
            ],
            specialty: .interventionalRadiology, urgency: .soon,
            rationale: "A candidate for augmentation with deformity, worsening symptoms or pulmonary dysfunction (ACR 2018 Variant 2).",
            evidence: augmentationEvidence + ["vertebroplasty-aaos-2010", "kyphoplasty-aaos-2010"],
            caveats: [augmentationCaveat, sourcesDifferCaveat], support: .conflictingEvidence),
        ReferralRule(
            id: "R7", title: "pain persisting despite analgesia: consider pain management", when: .analgesiaTriedPainPersists,
            advice: .init("Consider referral to pain management: pain persists despite initial analgesia.", exposures: [.drug]),
            addenda: [
                .init(
                    when: .fractureLevel(["L3", "L4"]),
                    .init(
                        "For an L3 or L4 fracture an L2 nerve root block is an option (Ohtori 2009 RCT; AAOS 2010, weak): relief lasted up to 2 weeks.",
                        exposures: [.drug], isProcedure: true)),
                .init(
                    when: .fractureLevel(["L2"]),
                    .init(
                        "The seed's 'L2 nerve root block' for an L2 fracture has no trial evidence; mention it only with that caveat.",
                        exposures: [.drug], isProcedure: true), caveats: [blockCaveat]),
            ],
            specialty: .painManagement, urgency: .consider,
            rationale: "Persistent pain despite analgesia.",
            evidence: [
                "seed-pain-management-referral", "seed-l2-nerve-root-block", "l2-nerve-root-block-ohtori-2009", "l2-nerve-root-block-aaos-2010",
                "l2-nerve-root-block-level-caveat",
            ],
            caveats: [unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R8", title: "acute pain subsided: physical therapy", when: .acutePainSubsided,
            advice: .init("Refer to physical therapy: mobility, core and back strengthening, posture."),
            specialty: .physicalTherapy, urgency: .routine,
            rationale: "Once acute pain has subsided, rehabilitation maintains mobility and strength.",
            evidence: ["seed-physical-therapy-after-pain-subsides"],
            caveats: ["The seed's source for this statement could not be identified."], support: .noGuidelineSource),
        ReferralRule(
            id: "R9", title: "no specialist referral now",
            when: .all([
                .answer(.highEnergyTrauma, .no),
                .any([.acutePainSubsided, .all([.weeksBelow(12), .painTrajectory([.improving, .unchanged])])]),
            ]),
            withheldWhen: [.init(when: .anyRedFlag, reason: redFlagRoute + ".")],
            unless: .fired(["R3", "R5", "R6", "R7"]),
            advice: .init("No referral to a spine specialist is needed now: medical management."),
            urgency: .routine,
            rationale:
                "No red flag (none unknown), no other referral indicated, and the pain has subsided or is improving or unchanged within 3 months; most fractures improve over 2–12 weeks.",
            evidence: ["seed-no-referral-without-red-flags", "seed-no-referral-first-3-months-improving", "acr-2018-natural-history"],
            caveats: [unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R10", title: "medical management first line", when: .weeksBelow(12),
            withheldWhen: [.init(when: .anyRedFlag, reason: redFlagRoute + "; give analgesia as needed meanwhile.")],
            advice: .init("Medical management first line: analgesia and activity as tolerated.", exposures: [.drug]),
            urgency: .firstLine,
            rationale: "A new symptomatic fracture without red flags (ACR 2018 Variant 1: medical management usually appropriate).",
            evidence: ["seed-medical-management-first-line", "acr-2018-variant-1", "acr-2018-natural-history"], support: .supported),
        ReferralRule(
            id: "R10c", title: "calcitonin within 5 days (second line)", when: .all([.onsetWithinFiveDays, .weeksBelow(12)]),
            withheldWhen: [
                .init(when: .anyRedFlag, reason: redFlagRoute + "."),
                .init(when: yes(.pregnant), reason: "pregnancy: calcitonin is not offered."),
                .init(when: .mri([.noOedema]), reason: "MRI shows no oedema: calcitonin helps acute fractures only."),
                .init(
                    when: .gate(.acuteLessLikely),
                    reason: "the bedside estimate says an acute fracture is less likely: calcitonin helps acute fractures only."),
            ],
            advice: .init(
                "Calcitonin may be considered as a second-line, off-label option for acute fracture pain: start within 5 days of the fracture and stop by 4 weeks.",
                exposures: [.drug]),
            urgency: .consider,
            rationale: "Calcitonin reduces acute pain in weeks 1–4 (Knopp-Sihota 2012); AAOS 2010 (moderate) for fractures 0–5 days old, for 4 weeks.",
            evidence: [
                "seed-calcitonin-first-4-weeks", "calcitonin-aaos-2010", "calcitonin-efficacy-knopp-2012", "calcitonin-safety",
                "calcitonin-pregnancy-label",
            ],
            caveats: [calcitoninCaveat], support: .supported),
        ReferralRule(
            id: "R11", title: "MRI available now", when: .mri([.available]),
            withheldWhen: [.init(when: .anyRedFlag, reason: redFlagRoute + ", which set the imaging.")],
            advice: .init("MRI of the spine without IV contrast, to assess the fracture and rule out a pathologic cause.", imaging: [.mri]),
            urgency: .soon,
            rationale: "ACR 2018 Variant 1: MRI without contrast is usually appropriate for a new symptomatic fracture.",
            evidence: ["acr-2018-variant-1", "seed-mri-first-ct-if-contraindicated"], support: .supported),
        ReferralRule(
            id: "R12", title: "MRI contraindicated: CT", when: .mri([.contraindicated]),
            withheldWhen: [.init(when: .anyRedFlag, reason: redFlagRoute + ", which set the imaging.")],
            advice: .init(
                "CT of the spine without contrast: it shows the fracture but not marrow oedema; a bone scan or SPECT/CT can show whether the fracture is active.",
                imaging: [.ct]),
            urgency: .soon,
            rationale: "ACR 2018 Variant 1: CT without contrast is usually appropriate.",
            evidence: ["acr-2018-variant-1", "seed-mri-first-ct-if-contraindicated"], support: .supported),
        ReferralRule(
            id: "R13", title: "suspected malignancy: urgent imaging, myeloma tests, biopsy", when: yes(.malignancySuspected),
            advice: .init(
                "Urgent: MRI of the whole spine without and with contrast within the NICE NG234 time frame (transfer if MRI is not available here); blood tests for myeloma (serum protein electrophoresis and serum free light chains); consider biopsy. Augmentation only through an oncology, spine and interventional team.",
                imaging: [.mri], exposures: [.contrast], isProcedure: true),
            variants: [
                .init(
                    when: .mri([.contraindicated]),
                    .init(
                        "Urgent: CT of the spine, and FDG-PET/CT or low-dose whole-body CT (a bone scan can miss myeloma), with biopsy; blood tests for myeloma (serum protein electrophoresis and serum free light chains). Augmentation only through an oncology, spine and interventional team.",
                        imaging: [.ct, .fdgPetCT, .lowDoseWholeBodyCT], isProcedure: true))
            ],
            urgency: .urgent,
            rationale: "Suspected malignancy: the fracture may be pathologic (metastasis or myeloma).",
            evidence: [
                "seed-complete-spine-mri-wording", "acr-2022-variant-2", "nice-ng234-spinal-metastases", "nice-ng35-myeloma",
                "imwg-2009-myeloma-bone-imaging", "imwg-2019-myeloma-imaging", "acr-2021-lbp-variant-7", "deyo-1988-cancer",
            ],
            caveats: [acr2022Caveat, clinicalStandardCaveat], support: .attributedUnverified, isRedFlag: true,
            headline: "Urgent: whole-spine imaging, myeloma blood tests and a route to biopsy (the note gives the imaging the patient can have)."),
        ReferralRule(
            id: "R14", title: "look for fractures at other levels", when: .always,
            advice: .init(
                "Look for fractures at other levels, including sacral insufficiency fractures, on whatever imaging there is (coronal STIR on MRI, CT or a bone scan)."
            ),
            variants: [
                .init(
                    when: .mri([.contraindicated]),
                    .init(
                        "Look for fractures at other levels, including sacral insufficiency fractures, on whatever imaging there is (CT or a bone scan)."
                    ))
            ],
            addenda: [
                .init(
                    when: .any([.ageAbove(80), .mri([.noOedema]), .gate(.acuteLessLikely), .anyRedFlag]),
                    .init(
                        "Especially here (age over 80, no oedema at this level, an acute fracture less likely, or a red flag): the pain may come from another level."
                    ), urgency: .soon)
            ],
            urgency: .routine,
            rationale:
                "Other fractures may contribute to the pain: 3.0 % of surgically treated fractures had a sacral insufficiency fracture (6.5 % over 80), 76 % missed by clinicians (Kao 2017).",
            evidence: ["sacral-insufficiency-kao-2017", "sacral-insufficiency-other-series"], support: .supported),
        ReferralRule(
            id: "R15", title: "reassessment",
            when: .any([.weeksBelow(6), .all([.weeksAtLeast(6), .weeksAtMost(8), .not(.acutePainSubsided)])]),
            advice: .init("Reassess at 4–6 weeks to evaluate the response to treatment."),
            variants: [
                .init(when: .weeksAtLeast(6), .init("Reassess at 8 weeks: the symptoms have not resolved."))
            ],
            urgency: .followUp,
            rationale: "Most fractures improve over 2–12 weeks; reassessment catches those that do not.",
            evidence: ["seed-reassess-4-6-weeks", "acr-2018-natural-history"], caveats: [noSourceCaveat], support: .noGuidelineSource),
        ReferralRule(
            id: "R16", title: "symptoms beyond 8 weeks: consider more imaging", when: .all([.weeksAbove(8), .not(.acutePainSubsided)]),
            advice: .init("Consider more imaging for fracture progression or new fractures: symptoms persist beyond 8 weeks."),
            urgency: .consider,
            rationale: "Symptoms persisting beyond 8 weeks.",
            evidence: ["seed-imaging-after-8-weeks"], caveats: [noSourceCaveat], support: .noGuidelineSource),
        ReferralRule(
            id: "R17", title: "suspected infection: urgent imaging and cultures", when: yes(.infectionSuspected),
            advice: .init(
                "Urgent: MRI of the spine without and with contrast (transfer if MRI is not available here); blood cultures and inflammatory markers (ESR, CRP) before antibiotics unless the patient is septic or neurologically compromised; biopsy if the cultures are negative; discuss with the spinal team the same day.",
                imaging: [.mri], exposures: [.contrast, .drug], isProcedure: true),
            variants: [
                .init(
                    when: .mri([.contraindicated]),
                    .init(
                        "Urgent: CT of the spine with contrast, or nuclear medicine imaging; blood cultures and inflammatory markers (ESR, CRP) before antibiotics unless the patient is septic or neurologically compromised; biopsy if the cultures are negative; discuss with the spinal team the same day.",
                        imaging: [.ct, .nuclearMedicine], exposures: [.contrast, .drug], isProcedure: true))
            ],
            specialty: .spinalTeam, urgency: .urgent,
            rationale:
                "Suspected vertebral osteomyelitis or discitis: fever, immunosuppression, intravenous drug use, a recent spinal procedure or bacteraemia.",
            evidence: [
                "idsa-2015-vertebral-osteomyelitis", "idsa-2015-nvo-diagnostic-workup", "acr-2021-lbp-variant-7", "spinal-infection-yusuf-2019",
            ],
            caveats: [
                "IDSA 2015 says to withhold empirical antibiotics, when possible, until a microbiological diagnosis, except in septic or neurologically compromised patients: 'cultures before antibiotics' is implied, not literal."
            ],
            support: .clinicalStandard, isRedFlag: true,
            headline:
                "Urgent: spinal imaging with contrast, and blood cultures and inflammatory markers before antibiotics unless septic or neurologically compromised."
        ),
        ReferralRule(
            id: "R18", title: "MRI not immediately available: imaging plan",
            when: .all([.mri([.unavailable]), .answer(.highEnergyTrauma, .no)]),
            withheldWhen: [.init(when: .anyRedFlag, reason: redFlagRoute + ", which set the imaging.")],
            advice: .init(
                "Obtain MRI of the spine without contrast as soon as it is available (CT without contrast meanwhile if the fracture needs assessing now).",
                imaging: [.mri, .ct]),
            addenda: [
                .init(
                    when: .noSignExamined,
                    .init("The bedside signs were not done: do them (closed-fist percussion; pain lying supine) while MRI is awaited."))
            ],
            urgency: .soon,
            rationale: "MRI shows whether the fracture is acute and rules out a pathologic cause (ACR 2018 Variant 1).",
            evidence: ["seed-mri-first-ct-if-contraindicated", "acr-2018-variant-1", "nass-2020-clinical-diagnosis"], support: .supported),
        ReferralRule(
            id: "R19", title: "osteoporosis and falls", when: .always,
            advice: .init(
                "Osteoporosis: assess and treat (bone density, secondary causes, bone-protective treatment), refer to a fracture liaison service where there is one, and assess falls risk.",
                exposures: [.drug]),
            specialty: .fractureLiaisonService, urgency: .soon,
            rationale:
                "A fragility fracture: treatment should start promptly (NOGG 2022); a vertebral fracture raises the risk of further vertebral fractures about five-fold (BHOF 2022).",
            evidence: [
                "nogg-2022-osteoporosis", "bhof-2022-osteoporosis", "nogg-2022-fracture-liaison-service", "asbmr-secondary-fracture-prevention",
                "nice-cg161-falls",
            ], support: .clinicalStandard),
    ]

    /// High-energy trauma: outside the pathway.
    public static let trauma = ReferralRule(
        id: "TRAUMA", title: "high-energy trauma: not applicable", when: yes(.highEnergyTrauma),
        advice: .init("Not applicable: high-energy trauma. CT of the spine and spinal (trauma) team review today.", imaging: [.ct]),
        specialty: .spinalTraumaTeam, urgency: .emergency,
        rationale: "The pathway is for low-energy (osteoporotic or suspected pathologic) fractures; a fall from standing height is low-energy.",
        evidence: ["nice-ng41-spinal-injury-imaging", "acr-2024-acute-spinal-trauma"], support: .clinicalStandard)

    /// The order of the note within an urgency tier: R1 first even beside
    /// high-energy trauma (hazard "a deficit waits"), then the rules in table order, then G.
    static let positions: [String: Int] = {
        let order = ["R1", trauma.id] + rules.map(\.id).filter { $0 != "R1" } + ["G"]
        return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    }()

    /// Rules in evaluation order: those that refer to other rules' outcomes (R9) after the others.
    static let evaluationOrder: [ReferralRule] =
        rules.filter { $0.referencedRules.isEmpty } + rules.filter { !$0.referencedRules.isEmpty }

    /// The rule with `id` (R1…R19, R10c, TRAUMA).
    public static func rule(_ id: String) -> ReferralRule? {
        id == trauma.id ? trauma : rulesById[id]
    }
    static let rulesById = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })

    /// Safety-net advice: every note gives it.
    public static let safetyNet = [
        "Come back at once, or call emergency services, with new weakness or numbness in the legs, numbness around the back passage or genitals, difficulty passing urine or controlling the bladder or bowel, fever or feeling unwell, or pain that is uncontrolled or rapidly worsening."
    ]
    public static let safetyNetEvidence = ["back-pain-safety-net-advice"]
}
