import DxBatch
import DxEvidence
import DxIO
import DxMeta
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit posttest --meta studies.csv --pretest P --result positive|negative`:
/// the post-test probability from a meta-analysis (bivariate REML) of the
/// studies in the file, with the interval a new setting implies.
enum PostTestMeta {
    static func render(
        file: String, pretest: String?, result: TestResult?, level: ConfidenceLevel, evidence: @escaping () throws -> EvidenceBase,
        format: OutputFormat
    ) throws -> String {
        guard let result else { throw InputError("--result (positive or negative) is needed with --meta") }
        guard pretest != nil else { throw InputError("--pretest is missing: give the patient's pretest probability (0.3, 30%, 1:3)") }
        let resolved = try ResolvedPretest.resolve(pretest, evidence: evidence)
        let rejects = RejectLog(sink: StandardStreams.error, prefix: "dxkit: ")
        let loaded = try MetaStudyInput.read(csv: try InputSource.open(file, name: "--meta"), flag: "--meta", rejects: rejects)
        guard rejects.count == 0 else {
            throw InputError(
                "--meta (\(file)): \(rejects.count) row(s) rejected; fix them, or the post-test probability would rest on fewer studies than the file holds")
        }
        do {
            let analysis = try MetaAnalysis(studies: loaded.studies, settings: MetaAnalysisSettings(level: level))
            guard analysis.converged else {
                throw InputError("--meta (\(file)): the meta-analysis did not converge (\(analysis.convergence.status)); no post-test probability can be given")
            }
            let posttest = try analysis.posttest(pretest: resolved.probability, result: result)
            return MetaPostTestReport(posttest: posttest, analysis: analysis, pretestDescription: resolved.description).render(format)
        } catch let error as MetaAnalysisError {
            throw InputError("--meta (\(file)): \(error.description)")
        }
    }
}
