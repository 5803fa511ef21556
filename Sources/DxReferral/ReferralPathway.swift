import DxStats

/// The referral pathway for a lumbar compression fracture
/// (../shared/clinical/referral-pathway.md): rules R1–R16 and the gate G,
/// as data. `dxkit refer --rules` prints this table; `ReferralEngine` runs it.
public enum ReferralPathway {
    static let surgery = "orthopaedic surgery or neurosurgery"
    static let interventionalRadiology = "interventional radiology"
    static let painManagement = "pain management"
    static let physicalTherapy = "physical therapy"

    static let augmentationCaveat =
        "Sham-controlled trials (Cochrane 2018: 21 trials, 5 against sham, 541 people) show little benefit of vertebroplasty on pain; ACR 2018 rates augmentation 'usually appropriate'. Discuss the conflict with the patient."
    static let calcitoninCaveat =
        "Calcitonin is not licensed for fracture pain in the EU; the nasal spray was withdrawn in the EU (EMA 2012) and Canada (2013); long-term use carries a small excess cancer risk (FDA 2014: 4.1 % vs 2.9 %). If used at all, limit it to ≤ 4 weeks early after the fracture."
    static let blockCaveat =
        "The L2 nerve-root-block trial (Ohtori 2009) treated L3 or L4 fractures by blocking the L2 root; there is no evidence for blocking a root at the level of an L2 fracture."
    static let unverifiedCaveat =
        "The seed attributes this to the ACR Appropriateness Criteria, but the wording was not found in the ACR text that could be read."
    static let noSourceCaveat = "No guideline source was found for this timing; it is the seed's wording."

    /// The rules in order.
    public static let rules: [ReferralRule] = [
        ReferralRule(
            id: "R1", when: .neurologicalDeficit,
            action: "Refer immediately to orthopaedic surgery or neurosurgery.", specialty: surgery, urgency: .immediate,
            rationale: "A neurological deficit (weakness, numbness, bowel or bladder change) may mean cord or root compromise.",
            evidence: ["seed-immediate-referral-neurological-deficit", "seed-red-flag-definition"],
            caveats: [unverifiedCaveat], support: .attributedUnverified, isRedFlag: true),
        ReferralRule(
            id: "R2", when: .spinalInstability,
            action: "Refer to orthopaedic surgery or neurosurgery.", specialty: surgery, urgency: .soon,
            rationale: "An unstable fracture may need surgical stabilisation.",
            evidence: ["seed-referral-spinal-instability", "seed-red-flag-definition"],
            caveats: [unverifiedCaveat], support: .attributedUnverified, isRedFlag: true),
        ReferralRule(
            id: "R3", when: .all([.weeksAtLeast(12), .painSevere, .painTrajectory(.worsening)]),
            action: "Refer to orthopaedic surgery or neurosurgery: severe, worsening pain despite 3 months of conservative management.",
            specialty: surgery, urgency: .soon,
            rationale: "Conservative management has failed over the period in which most fractures improve (2–12 weeks).",
            evidence: ["seed-referral-severe-worsening-pain-3-months", "seed-three-month-medical-management", "acr-2018-natural-history"],
            caveats: [unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R4", when: .deformityOrProgressiveKyphosis,
            action: "Refer to orthopaedic surgery or neurosurgery.", specialty: surgery, urgency: .soon,
            rationale: "Significant deformity or progressive kyphosis may need surgical assessment.",
            evidence: ["seed-referral-deformity-kyphosis", "seed-red-flag-definition"],
            caveats: [unverifiedCaveat], support: .attributedUnverified, isRedFlag: true),
        ReferralRule(
            id: "R5", when: .all([.weeksAtLeast(12), .painPersists, .not(.gate(.chronic))]),
            action: "Consider interventional radiology referral for percutaneous vertebral augmentation: pain persists after 3 months.",
            specialty: interventionalRadiology, urgency: .consider,
            rationale: "Persistent pain after 3 months of conservative management (ACR 2018 Variant 2: augmentation usually appropriate).",
            evidence: ["seed-ir-persistent-pain-3-months", "acr-2018-variant-2", "vertebral-augmentation-cochrane-2018"],
            caveats: [augmentationCaveat, unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R6",
            when: .all([
                .augmentationCandidate, .any([.deformityOrProgressiveKyphosis, .painTrajectory(.worsening), .pulmonaryDysfunction]),
                .not(.gate(.chronic)),
            ]),
            action: "Refer to interventional radiology for percutaneous vertebral augmentation.", specialty: interventionalRadiology,
            urgency: .soon,
            rationale: "A candidate for augmentation with deformity, worsening symptoms or pulmonary dysfunction (ACR 2018 Variant 2).",
            evidence: ["acr-2018-variant-2", "vertebral-augmentation-cochrane-2018", "vertebroplasty-aaos-2010", "kyphoplasty-aaos-2010"],
            caveats: [augmentationCaveat], support: .supported),
        ReferralRule(
            id: "R7", when: .analgesiaTriedPainPersists,
            action: "Consider pain management referral: pain persists despite initial analgesia.", specialty: painManagement,
            urgency: .consider,
            rationale: "Persistent pain despite analgesia.",
            evidence: ["seed-pain-management-referral", "l2-nerve-root-block-ohtori-2009", "l2-nerve-root-block-aaos-2010"],
            caveats: [unverifiedCaveat], support: .attributedUnverified,
            addenda: [
                .init(
                    when: .fractureLevel(["L2"]),
                    text: "An L2 nerve root block may be discussed if pain persists.",
                    caveats: [blockCaveat]),
                .init(
                    when: .fractureLevel(["L3", "L4"]),
                    text: "An L2 nerve root block is an option for an L3 or L4 fracture (Ohtori 2009 RCT; AAOS 2010, weak): relief lasted up to 2 weeks."),
            ]),
        ReferralRule(
            id: "R8", when: .acutePainSubsided,
            action: "Refer to physical therapy: mobility, core and back strengthening, posture.", specialty: physicalTherapy,
            urgency: .routine,
            rationale: "Once acute pain has subsided, rehabilitation maintains mobility and strength.",
            evidence: ["seed-physical-therapy-after-pain-subsides"],
            caveats: ["The seed's source for this statement could not be identified."], support: .noGuidelineSource),
        ReferralRule(
            id: "R9", when: .not(.anyRedFlag),
            action: "No specialist referral needed now: medical management.", specialty: nil, urgency: .routine,
            rationale:
                "No neurological deficit, instability, suspected malignancy or deformity, and no other referral is indicated; most fractures improve over 2–12 weeks.",
            evidence: ["seed-no-referral-without-red-flags", "seed-no-referral-first-3-months-improving", "acr-2018-natural-history"],
            caveats: [unverifiedCaveat], support: .attributedUnverified),
        ReferralRule(
            id: "R10", when: .all([.not(.neurologicalDeficit), .weeksBelow(12)]),
            action:
                "Medical management first line: analgesia, activity as tolerated, osteoporosis assessment. Calcitonin may be considered only within the first 4 weeks, with its safety caveat.",
            specialty: nil, urgency: .routine,
            rationale:
                "A new symptomatic fracture without neurological deficit; calcitonin reduces acute pain in weeks 1–4 (Knopp-Sihota 2012; AAOS 2010, moderate, for fractures 0–5 days old).",
            evidence: ["seed-medical-management-first-line", "calcitonin-efficacy-knopp-2012", "calcitonin-aaos-2010", "calcitonin-safety"],
            caveats: [calcitoninCaveat], support: .supported),
        ReferralRule(
            id: "R11", when: .mri([.available]),
            action: "MRI of the spine without IV contrast, to assess the fracture and rule out a pathologic cause.", specialty: nil,
            urgency: .soon,
            rationale: "ACR 2018 Variant 1: MRI without contrast is usually appropriate for a new symptomatic fracture.",
            evidence: ["acr-2018-variant-1", "seed-mri-first-ct-if-contraindicated"], support: .supported),
        ReferralRule(
            id: "R12", when: .mri([.contraindicated]),
            action: "CT of the spine without IV contrast (MRI is contraindicated).", specialty: nil, urgency: .soon,
            rationale: "ACR 2018 Variant 1: CT without contrast is usually appropriate.",
            evidence: ["acr-2018-variant-1", "seed-mri-first-ct-if-contraindicated"], support: .supported),
        ReferralRule(
            id: "R13", when: .malignancySuspected,
            action: "Complete spine MRI without and with IV contrast to rule out a pathologic fracture; consider biopsy.",
            specialty: "radiology", urgency: .soon,
            rationale: "Suspected malignancy: the fracture may be pathologic.",
            evidence: ["acr-2022-variant-2", "seed-complete-spine-mri-wording", "deyo-1988-cancer"],
            caveats: [
                "ACR 2022 ratings are second-hand (rated 9 for MRI without and with contrast, for a history of malignancy); ACR rates the area of interest, not the complete spine."
            ],
            support: .attributedUnverified, isRedFlag: true),
        ReferralRule(
            id: "R14", when: .always,
            action: "Look for fractures at other levels, including sacral insufficiency fractures (review the sacrum on the lumbar MRI, coronal STIR).",
            specialty: nil, urgency: .routine,
            rationale:
                "Other fractures may contribute to the pain: 3.0 % of surgically treated VCFs had a sacral insufficiency fracture, 76 % missed by clinicians (Kao 2017).",
            evidence: ["sacral-insufficiency-kao-2017", "sacral-insufficiency-other-series"], support: .supported,
            addenda: [
                .init(
                    when: .any([.ageAbove(80), .gate(.chronic)]),
                    text: "Especially here: age over 80 (6.5 % vs 1.8 %, Kao 2017) or pain that the fracture may not explain.",
                    urgency: .soon)
            ]),
        ReferralRule(
            id: "R15", when: .weeksBelow(6),
            action: "Reassess at 4–6 weeks to evaluate the response to treatment.", specialty: nil, urgency: .routine,
            rationale: "Most fractures improve over 2–12 weeks; reassessment catches those that do not.",
            evidence: ["seed-reassess-4-6-weeks", "acr-2018-natural-history"], caveats: [noSourceCaveat], support: .noGuidelineSource),
        ReferralRule(
            id: "R16", when: .all([.weeksAbove(8), .painPersists]),
            action: "Consider further imaging for fracture progression or new fractures.", specialty: nil, urgency: .consider,
            rationale: "Symptoms persisting beyond 8 weeks.",
            evidence: ["seed-imaging-after-8-weeks"], caveats: [noSourceCaveat], support: .noGuidelineSource),
    ]

    /// The gate G: when it runs, and what each classification recommends.
    public enum Gate {
        public static let when: Condition = .all([.mri([.unavailable, .contraindicated]), .anySignDone])
        public static let evidence = ["closed-fist-percussion", "supine-sign", "nass-2020-clinical-diagnosis", "langdon-dependence-bounds"]
        public static let rationale =
            "MRI is not immediately available: the bedside signs (Langdon 2010; NASS grade B) estimate whether the fracture is acute."

        public static func action(_ classification: GateDecision.Classification) -> String {
            switch classification {
            case .acute:
                "The fracture is probably acute and the likely pain source: medical management (R10) and reassessment (R15); augmentation rules stay available; MRI when it becomes available, to confirm and to rule out a pathologic fracture."
            case .chronic:
                "The fracture is probably old and not the pain source: look for other sources first (R14: other levels, the sacrum). Vertebral augmentation of this level is not suggested: augmentation treats unhealed fractures."
            case .indeterminate:
                "The signs do not settle it: imaging decides. MRI as soon as it is available (CT without contrast meanwhile if needed); medical management meanwhile."
            }
        }

        public static func urgency(_ classification: GateDecision.Classification) -> ReferralRule.Urgency {
            classification == .indeterminate ? .soon : .routine
        }

        public static let caveats = [
            "The thresholds are policy, not evidence.",
            "The Langdon signs come from one specialist centre (61.5 % acute); they separate acute from 'no acute fracture on MRI', which is not always an old fracture.",
            "The two signs were examined on the same patients; their joint results are unpublished, so the gate's interval covers every dependence the margins allow.",
        ]
    }
}
