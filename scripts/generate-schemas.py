#!/usr/bin/env python3
"""Writes the JSON Schemas (draft 2020-12) of DxKit's JSON outputs into
Schemas/. The schemas are the machine-readable contract (README, CHANGELOG.md);
this script is their single source, so the shared parts (the interval shape,
the evidence citation) are written once. SchemaTests validates every
command's JSON output against the committed files, and fails when a committed
file differs from what this script writes. Usage: scripts/generate-schemas.py"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parents[1]
VERSION = "2.0"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

INTERVAL_METHODS = [
    "wilson", "wilson-cc", "clopper-pearson", "jeffreys", "agresti-coull", "wald", "log", "koopman", "log-add-half",
    "woolf", "woolf-add-half", "logit", "adjusted-logit", "log-product", "monte-carlo", "monte-carlo-with-dependence-range",
    "frechet-bounds", "logit-wald", "delta-method-log", "given",
]

number_or_null = {"type": ["number", "null"]}
string_list = {"type": "array", "items": {"type": "string"}}


def obj(properties, required=None, additional=False):
    return {"type": "object", "properties": properties, "required": list(properties) if required is None else required,
            "additionalProperties": additional}


interval = obj({
    "estimate": {**number_or_null, "description": "null when not estimable (see estimable and notes)"},
    "lower": number_or_null,
    "upper": {**number_or_null, "description": "null when unbounded (upperUnbounded) or not estimable"},
    "level": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    "method": {"enum": INTERVAL_METHODS},
    "estimable": {"type": "boolean"},
    "upperUnbounded": {"type": "boolean"},
    "notes": string_list,
    "note": {"type": "string", "deprecated": True, "description": "the notes joined; kept for one version (CHANGELOG.md)"},
}, required=["estimate", "lower", "upper", "level", "method", "estimable", "upperUnbounded", "notes"])

counts = obj({k: {"type": "integer", "minimum": 0} for k in ["tp", "fp", "fn", "tn"]})
target = obj({"id": {"type": "string"}, "condition": {"type": "string"}, "population": {"type": "string"}})
used_evidence = obj({"id": {"type": "string"}, "verification": {"enum": ["reported", "derived", "secondary", "unverified"]},
                     "caveats": string_list, "citations": string_list})
thresholds = obj({"lower": {"type": "number"}, "upper": {"type": "number"}})
dependence = obj({"model": {"enum": ["unknown", "independent", "correlation", "covariance", "paired-counts"]},
                  "likelihoodRatio": {"$ref": "#/$defs/interval"}, "posttest": {"$ref": "#/$defs/interval"},
                  "modelLikelihoodRatio": number_or_null}, required=["model", "likelihoodRatio", "posttest"])
gate = obj({"classification": {"enum": ["likely", "lessLikely", "indeterminate"]}, "thresholds": {"$ref": "#/$defs/thresholds"},
            "interval": {"enum": ["monte-carlo", "monte-carlo-with-dependence-range"]}, "probability": {"$ref": "#/$defs/interval"}})
monte_carlo = {"type": "object", "allOf": [{"$ref": "#/$defs/interval"}]}
natural_frequency = obj({"population": {"type": "integer"}, "withCondition": {"type": "integer"}, "withResult": {"type": "integer"},
                         "withResultAndCondition": {"type": "integer"}}, required=["population", "withResult", "withResultAndCondition"])

DEFS = {"interval": interval, "counts": counts, "target": target, "usedEvidence": used_evidence, "thresholds": thresholds,
        "dependence": dependence, "gate": gate, "naturalFrequency": natural_frequency}


def monte_carlo_schema():
    props = dict(interval["properties"])
    props["draws"] = {"type": "integer", "minimum": 1}
    props["seed"] = {"type": "integer", "minimum": 0}
    return obj(props, required=interval["required"] + ["draws", "seed"])


DEFS["monteCarlo"] = monte_carlo_schema()

MEASURES = ["sensitivity", "specificity", "ppv", "npv", "prevalence", "accuracy", "positiveLikelihoodRatio",
            "negativeLikelihoodRatio", "diagnosticOddsRatio", "youden"]


def document(title, description, schema):
    used = json.dumps(schema)
    defs = {}
    # Include every definition reachable from the schema.
    pending = [name for name in DEFS if f'"#/$defs/{name}"' in used]
    while pending:
        name = pending.pop()
        if name in defs:
            continue
        defs[name] = DEFS[name]
        pending += [other for other in DEFS if f'"#/$defs/{other}"' in json.dumps(DEFS[name]) and other not in defs]
    result = {"$schema": DIALECT, "title": title, "description": description, **schema}
    if defs:
        result["$defs"] = dict(sorted(defs.items()))
    return result


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


schema_version = {"const": VERSION}

accuracy_props = {"schemaVersion": schema_version, "counts": ref("counts"), "level": {"type": "number"}}
accuracy_props.update({m: ref("interval") for m in MEASURES})
accuracy_props.update({"lrPositive": {**ref("interval"), "deprecated": True}, "lrNegative": {**ref("interval"), "deprecated": True}})
accuracy_optional = {"atPrevalence": {"type": "number"}, "ppvAtPrevalence": ref("interval"), "npvAtPrevalence": ref("interval"),
                     "input": {"type": "object", "additionalProperties": {"type": "string"},
                               "description": "accuracy --input --format json: the row's input columns"}}
accuracy = obj({**accuracy_props, **accuracy_optional}, required=list(accuracy_props))

posttest = obj({"schemaVersion": schema_version, "pretest": {"type": "number", "minimum": 0, "maximum": 1},
                "result": {"enum": ["positive", "negative"]}, "finding": {"type": "string"}, "likelihoodRatio": ref("interval"),
                "posttest": ref("interval"), "level": {"type": "number"}, "evidence": {"type": "array", "items": ref("usedEvidence")}},
               required=["schemaVersion", "pretest", "finding", "likelihoodRatio", "posttest", "level"])

posttest_batch = obj({"schemaVersion": schema_version,
                      "input": {"type": "object", "additionalProperties": {"type": "string"}, "description": "the row's input columns"},
                      "pretest": {"type": "number", "minimum": 0, "maximum": 1}, "likelihoodRatio": ref("interval"),
                      "posttest": ref("interval")},
                     required=["schemaVersion", "input", "pretest", "likelihoodRatio", "posttest"])

sign = obj({"id": {"type": "string"}, "name": {"type": "string"}, "result": {"enum": ["positive", "negative"]},
            "sensitivity": {"type": "number"}, "specificity": {"type": "number"}, "likelihoodRatio": ref("interval")})
uncertainty = {"type": "object", "properties": {"kind": {"enum": ["exact", "beta", "uniform"]}, "alpha": {"type": "number"},
                                                 "beta": {"type": "number"}, "lower": {"type": "number"}, "upper": {"type": "number"}},
               "required": ["kind"], "additionalProperties": False}
posttest_signs = obj({"schemaVersion": schema_version, "target": ref("target"), "pretest": {"type": "number", "minimum": 0, "maximum": 1},
                      "pretestUncertainty": uncertainty, "signs": {"type": "array", "minItems": 1, "items": sign},
                      "likelihoodRatio": ref("interval"), "posttest": ref("interval"), "monteCarlo": ref("monteCarlo"),
                      "dependence": ref("dependence"), "gate": ref("gate"), "level": {"type": "number"},
                      "pretestTargetAssumed": {"type": "boolean"}, "evidence": {"type": "array", "items": ref("usedEvidence")}},
                     required=["schemaVersion", "pretest", "signs", "likelihoodRatio", "posttest", "monteCarlo", "gate", "level",
                               "pretestTargetAssumed"])

RULE_IDS = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R10c", "R11", "R12", "R13", "R14", "R15", "R16", "R17",
            "R18", "R19", "G", "TRAUMA"]
INPUTS = ["fractureLevel", "weeksSinceOnset", "highEnergyTrauma", "neurologicalDeficit", "spinalInstability", "malignancySuspected",
          "infectionSuspected", "deformityOrProgressiveKyphosis", "pulmonaryDysfunction", "anticoagulated", "pregnant",
          "augmentationCandidate", "painTrajectory", "painSeverity", "analgesiaTriedPainPersists", "acutePainSubsided", "mri",
          "closedFistPercussion", "supineSign", "pretest", "age"]
RED_FLAGS = ["neurologicalDeficit", "spinalInstability", "malignancySuspected", "infectionSuspected", "deformityOrProgressiveKyphosis"]
recommendation = obj({
    "rule": {"enum": RULE_IDS}, "title": {"type": "string"},
    "urgency": {"enum": ["emergency", "urgent", "firstLine", "soon", "consider", "routine", "followUp"]},
    "timeFrame": {"type": "string"}, "action": {"type": "string"},
    "specialty": {"enum": ["orthopaedicSurgeryOrNeurosurgery", "interventionalRadiology", "painManagement", "physicalTherapy", "spinalTeam",
                           "spinalTraumaTeam", "oncologySpineAndInterventionalTeam", "fractureLiaisonService"]},
    "rationale": {"type": "string"}, "evidence": {**string_list, "minItems": 1}, "caveats": string_list,
    "support": {"enum": ["supported", "attributedUnverified", "noGuidelineSource", "clinicalStandard", "conflictingEvidence"]},
    "redFlag": {"type": "boolean"},
    "imaging": {"type": "array", "items": {"enum": ["mri", "ct", "ctMyelography", "boneScan", "spectCT", "fdgPetCT", "lowDoseWholeBodyCT",
                                                    "nuclearMedicine"]}},
    "exposures": {"type": "array", "items": {"enum": ["contrast", "ionisingRadiation", "drug"]}},
    "procedure": {"type": "boolean"},
}, required=["rule", "title", "urgency", "timeFrame", "action", "rationale", "evidence", "caveats", "support", "redFlag", "imaging",
             "exposures", "procedure"])
probability = obj({"of": {"type": "string"}, "estimate": {"type": "number"}, "lower": {"type": "number"}, "upper": {"type": "number"},
                   "method": {"type": "string"}}, required=["of", "lower", "upper", "method"])
refer = obj({
    "schemaVersion": schema_version, "pathwayVersion": {"const": 2}, "id": {"type": "string"}, "applicable": {"type": "boolean"},
    "notApplicableReason": {"type": "string"},
    "inputsUsed": {"type": "array", "items": obj({"input": {"enum": INPUTS}, "label": {"type": "string"}, "value": {"type": "string"},
                                                  "source": {"enum": ["given", "default", "unknown", "derived"]}, "note": {"type": "string"}},
                                                 required=["input", "label", "value", "source"])},
    "recommendations": {"type": "array", "items": recommendation},
    "notAssessed": {"type": "array", "items": obj({"rule": {"enum": RULE_IDS}, "title": {"type": "string"},
                                                   "needs": {"type": "array", "minItems": 1, "items": {"enum": INPUTS}},
                                                   "reason": {"type": "string"}})},
    "withheld": {"type": "array", "items": obj({"rule": {"enum": RULE_IDS}, "title": {"type": "string"},
                                                "reasons": {**string_list, "minItems": 1}})},
    "gate": obj({
        "applies": {"type": "boolean"}, "reason": {"type": "string"},
        "classification": {"enum": ["acuteLikely", "acuteLessLikely", "indeterminate"]},
        "probability": probability, "independence": probability, "thresholds": obj({"lower": {"type": "number"}, "upper": {"type": "number"},
                                                                                   "policy": {"const": True}}),
        "pretest": obj({"probability": {"type": "number"}, "preset": {"type": "string"}, "isDefault": {"type": "boolean"},
                        "of": {"type": "string"}, "targetAssumed": {"type": "boolean"}},
                       required=["probability", "isDefault", "targetAssumed"]),
        "signs": {"type": "array", "items": obj({"id": {"type": "string"}, "title": {"type": "string"},
                                                 "result": {"enum": ["positive", "negative"]}})},
        "monteCarlo": obj({"draws": {"type": "integer"}, "seed": {"type": "integer"}}),
    }, required=["applies", "reason", "signs"]),
    "safetyNet": {**string_list, "minItems": 1}, "safetyNetEvidence": {**string_list, "minItems": 1},
    "redFlags": obj({"present": {"type": "array", "items": {"enum": RED_FLAGS}}, "unknown": {"type": "array", "items": {"enum": RED_FLAGS}}}),
    "disclaimer": {"type": "string"},
}, required=["schemaVersion", "pathwayVersion", "applicable", "inputsUsed", "recommendations", "notAssessed", "withheld", "gate",
             "safetyNet", "safetyNetEvidence", "redFlags", "disclaimer"])

cell = {"type": "object", "properties": {"column": {"type": "string"}, "likelihoodRatio": ref("interval"), "posttest": ref("interval"),
                                         "dependence": ref("dependence"), "monteCarlo": ref("monteCarlo"), "gate": ref("gate"),
                                         "naturalFrequency": ref("naturalFrequency")},
        "required": ["column", "likelihoodRatio", "posttest"], "additionalProperties": False}
column = obj({"label": {"type": "string"}, "signs": {"type": "array", "items": obj({"id": {"type": "string"},
                                                                                    "result": {"enum": ["positive", "negative"]}})},
              "dependence": {"enum": ["unknown", "independent", "correlation", "covariance", "paired-counts"]}, "counts": ref("counts"),
              "result": {"enum": ["positive", "negative"]}, "likelihoodRatio": ref("interval")}, required=["label", "likelihoodRatio"])
table = obj({"schemaVersion": schema_version, "title": {"type": "string"}, "level": {"type": "number"}, "contents": string_list,
             "signs": {"type": "array", "items": obj({"id": {"type": "string"}, "name": {"type": "string"}})},
             "columns": {"type": "array", "items": column},
             "rows": {"type": "array", "items": obj({"pretest": {"type": "number"}, "label": {"type": "string"},
                                                     "cells": {"type": "array", "items": cell}}, required=["pretest", "cells"])},
             "notes": string_list,
             "evidence": {"type": "array", "items": obj({"id": {"type": "string"}, "verification": {"type": "string"},
                                                         "citations": string_list})}})

evidence_list = obj({"schemaVersion": schema_version, "records": {"type": "array", "items": obj({
    "id": {"type": "string"}, "kind": {"enum": ["diagnosticStudy", "guidelineStatement", "pretestPreset", "caveat", "publication",
                                                "targetCondition"]},
    "verification": {"enum": ["reported", "derived", "secondary", "unverified"]}, "title": {"type": "string"}, "file": {"type": "string"}})}})
evidence_validate = obj({"schemaVersion": schema_version, "valid": {"const": True}, "records": {"type": "integer"}, "files": {"type": "integer"}})
citation = {"type": "object", "additionalProperties": False,
            "properties": {k: {"type": "integer" if k == "year" else "string"} for k in
                           ["authors", "year", "title", "journal", "doi", "pmid", "url", "organisation", "note"]}}
evidence_cite = obj({"schemaVersion": schema_version, "id": {"type": "string"}, "citations": {"type": "array", "items": citation},
                     "formatted": string_list})
measures = obj({"level": {"type": "number"}, **{m: ref("interval") for m in MEASURES}})
evidence_show = {"type": "object", "required": ["schemaVersion", "id", "kind", "title", "claim", "verification", "citations", "caveats", "file"],
                 "properties": {"schemaVersion": schema_version, "id": {"type": "string"}, "citations": {"type": "array", "items": citation},
                                "measures": measures},
                 "description": "The record's own keys (Evidence/schema.json describes them), with `file`, and for a diagnostic study `measures`."}

logit_estimate = obj({"estimate": {"type": "number"}, "standardError": {"type": "number", "minimum": 0}})
prediction_range = obj({"lower": {"type": "number"}, "upper": {"type": "number"}})
region_point = obj({"logitSensitivity": {"type": "number"}, "logitSpecificity": {"type": "number"}, "sensitivity": {"type": "number"},
                    "falsePositiveRate": {"type": "number"}})
region = obj({"covers": {"type": "string"}, "level": {"type": "number"}, "covariance": {"type": "array", "items": {"type": "number"},
                                                                                      "minItems": 3, "maxItems": 3},
              "points": {"type": "array", "items": region_point}})
study_summary = obj({
    "study": {"type": "string"}, **{k: {"type": "integer", "minimum": 0} for k in ["truePositives", "falsePositives", "falseNegatives", "trueNegatives"]},
    "citation": {"type": "string"},
    "columns": {"type": "array", "items": obj({"name": {"type": "string"}, "value": {"type": "string"}})},
    "sensitivity": ref("interval"), "specificity": ref("interval"), "corrected": {"type": "boolean"},
    "logitSensitivity": {"type": "number"}, "logitSpecificity": {"type": "number"},
    "varianceLogitSensitivity": {"type": "number"}, "varianceLogitSpecificity": {"type": "number"},
}, required=["study", "truePositives", "falsePositives", "falseNegatives", "trueNegatives", "columns", "sensitivity", "specificity", "corrected"])
meta = obj({
    "schemaVersion": schema_version, "model": {"enum": ["reitsma", "glmm"]}, "method": {"type": "string"}, "level": {"type": "number"},
    "studies": {"type": "array", "minItems": 2, "items": study_summary},
    "correction": {"anyOf": [obj({"value": {"type": "number"}, "studies": {"enum": ["zero", "all"]}}), {"type": "null"}]},
    "quadraturePoints": {"type": "integer"},
    "logitSensitivity": logit_estimate, "logitSpecificity": logit_estimate, "covarianceOfLogitMeans": {"type": "number"},
    "tau2Sensitivity": {"type": "number", "minimum": 0}, "tau2Specificity": {"type": "number", "minimum": 0},
    "correlation": {"type": ["number", "null"], "minimum": -1, "maximum": 1},
    "logLikelihood": {"type": "number"}, "logLikelihoodScale": {"type": "string"},
    "sensitivity": ref("interval"), "specificity": ref("interval"), "positiveLikelihoodRatio": ref("interval"),
    "negativeLikelihoodRatio": ref("interval"), "diagnosticOddsRatio": ref("interval"), "derivedMeasuresMethod": {"type": "string"},
    "confidenceRegion": region, "predictionRegion": region,
    "heterogeneity": obj({"sensitivityPrediction": prediction_range, "specificityPrediction": prediction_range, "summary": {"type": "string"}}),
    "hsroc": obj({k: {"type": "number"} for k in ["lambda", "theta", "beta", "sigma2Alpha", "sigma2Theta"]}),
    "srocCurve": {"type": "array", "items": obj({"falsePositiveRate": {"type": "number"}, "sensitivity": {"type": "number"}})},
    "converged": {"type": "boolean"},
    "convergence": {"type": "object", "required": ["converged", "algorithm", "iterations", "status"]},
    "boundary": string_list, "notes": string_list,
    "evidenceSet": obj({"id": {"type": "string"}, "caveats": string_list}),
}, required=["schemaVersion", "model", "method", "level", "studies", "logitSensitivity", "logitSpecificity", "tau2Sensitivity",
             "tau2Specificity", "logLikelihood", "sensitivity", "specificity", "positiveLikelihoodRatio", "negativeLikelihoodRatio",
             "diagnosticOddsRatio", "confidenceRegion", "predictionRegion", "heterogeneity", "converged", "convergence", "boundary", "notes"])
meta_posttest = obj({
    "schemaVersion": schema_version, "pretest": {"type": "number", "minimum": 0, "maximum": 1}, "result": {"enum": ["positive", "negative"]},
    "level": {"type": "number"}, "likelihoodRatio": ref("interval"), "posttest": ref("interval"),
    "newSettingLikelihoodRatio": prediction_range, "newSetting": prediction_range, "method": {"type": "string"},
    "newSettingMethod": {"type": "string"}, "notes": string_list, "model": {"enum": ["reitsma", "glmm"]}, "studies": {"type": "integer"},
    "sensitivity": ref("interval"), "specificity": ref("interval"),
})

line = obj({"label": {"type": "string"}, "likelihoodRatio": ref("interval"), "posttest": ref("interval")})
nomogram = obj({
    "schemaVersion": schema_version, "title": {"type": "string"}, "subject": {"type": "string"}, "target": ref("target"),
    "pretest": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}, "pretestDescription": {"type": "string"},
    "lines": {"type": "array", "minItems": 1, "items": line},
    "secondStep": obj({"line": line, "combined": ref("interval"), "dependence": obj({"posttest": ref("interval")})},
                      required=["line", "combined"]),
    "level": {"type": "number"},
}, required=["schemaVersion", "title", "pretest", "pretestDescription", "lines", "level"])
curve_point = obj({"pretest": {"type": "number", "minimum": 0, "maximum": 1}, "posttest": ref("interval"), "dependence": ref("dependence")},
                  required=["pretest", "posttest"])
curves = obj({
    "schemaVersion": schema_version, "title": {"type": "string"}, "subject": {"type": "string"}, "target": ref("target"),
    "series": {"type": "array", "minItems": 1, "items": obj({"label": {"type": "string"}, "likelihoodRatio": ref("interval"),
                                                           "points": {"type": "array", "items": curve_point}})},
    "thresholds": ref("thresholds"),
    "marker": obj({"pretest": {"type": "number"}, "label": {"type": "string"}, "posttest": {"type": "array", "items": ref("interval")}}),
    "level": {"type": "number"},
}, required=["schemaVersion", "title", "series", "level"])

SCHEMAS = {
    "accuracy": ("dxkit accuracy --format json", "Every accuracy measure of one 2×2 table (and, with --input, of each row, one object per line).", accuracy),
    "posttest": ("dxkit posttest --lr/--tp… --format json", "A post-test probability from a likelihood ratio or a 2×2 table.", posttest),
    "posttest-batch": ("dxkit posttest --input FILE --format json", "One post-test probability per input row, one object per line.", posttest_batch),
    "posttest-signs": ("dxkit posttest --sign … --format json", "The bedside estimate after one or more signs: independence, Monte Carlo, dependence range, threshold classification.", posttest_signs),
    "refer": ("dxkit refer --format json", "The referral pathway (version 2) for one patient; one object per line for several.", refer),
    "table": ("dxkit table --format json", "A post-test probability table.", table),
    "nomogram": ("dxkit nomogram --format json", "The numbers a Fagan nomogram draws (one step or two).", nomogram),
    "curves": ("dxkit curves --format json", "The numbers post-test probability curves draw.", curves),
    "evidence-list": ("dxkit evidence list --format json", "The evidence records.", evidence_list),
    "evidence-show": ("dxkit evidence show ID --format json", "One evidence record in full.", evidence_show),
    "evidence-cite": ("dxkit evidence cite ID --format json", "The citations of one record.", evidence_cite),
    "evidence-validate": ("dxkit evidence validate DIR --format json", "A valid evidence directory.", evidence_validate),
    "meta": ("dxkit meta --format json", "A bivariate meta-analysis of diagnostic accuracy (Reitsma REML or binomial GLMM).", meta),
    "posttest-meta": ("dxkit posttest --meta FILE --format json", "A post-test probability from a meta-analysis, with the interval a new setting implies.", meta_posttest),
}

if __name__ == "__main__":
    import sys

    check = "--check" in sys.argv
    (root / "Schemas").mkdir(exist_ok=True)
    stale = []
    for name, (title, description, schema) in SCHEMAS.items():
        path = root / "Schemas" / f"{name}.schema.json"
        text = json.dumps(document(title, description, schema), indent=2, ensure_ascii=False) + "\n"
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(root)))
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(root)}")
    if stale:
        sys.exit("out of date (run scripts/generate-schemas.py): " + ", ".join(stale))
