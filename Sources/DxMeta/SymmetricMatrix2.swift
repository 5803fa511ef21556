/// A symmetric 2×2 matrix [[a, b], [b, c]]: the covariances on the
/// (logit sensitivity, logit specificity) plane.
struct SymmetricMatrix2: Sendable, Hashable {
    var a: Double
    var b: Double
    var c: Double

    static let zero = SymmetricMatrix2(a: 0, b: 0, c: 0)

    /// ad − b².
    var determinant: Double { a * c - b * b }

    /// The inverse (the matrix must be non-singular).
    var inverse: SymmetricMatrix2 {
        let d = determinant
        return SymmetricMatrix2(a: c / d, b: -b / d, c: a / d)
    }

    static func + (left: SymmetricMatrix2, right: SymmetricMatrix2) -> SymmetricMatrix2 {
        SymmetricMatrix2(a: left.a + right.a, b: left.b + right.b, c: left.c + right.c)
    }

    static func - (left: SymmetricMatrix2, right: SymmetricMatrix2) -> SymmetricMatrix2 {
        SymmetricMatrix2(a: left.a - right.a, b: left.b - right.b, c: left.c - right.c)
    }

    /// M v.
    func times(_ v: (Double, Double)) -> (Double, Double) {
        (a * v.0 + b * v.1, b * v.0 + c * v.1)
    }

    /// v′ M v.
    func quadratic(_ v: (Double, Double)) -> Double {
        a * v.0 * v.0 + 2 * b * v.0 * v.1 + c * v.1 * v.1
    }

    /// M N M (symmetric when M and N are).
    func sandwich(_ middle: SymmetricMatrix2) -> SymmetricMatrix2 {
        // (M N) then (M N) M.
        let p11 = a * middle.a + b * middle.b, p12 = a * middle.b + b * middle.c
        let p21 = b * middle.a + c * middle.b, p22 = b * middle.b + c * middle.c
        return SymmetricMatrix2(a: p11 * a + p12 * b, b: p11 * b + p12 * c, c: p21 * b + p22 * c)
    }

    /// v v′.
    static func outer(_ v: (Double, Double)) -> SymmetricMatrix2 {
        SymmetricMatrix2(a: v.0 * v.0, b: v.0 * v.1, c: v.1 * v.1)
    }

    /// The lower Cholesky factor (l11, l21, l22) of a positive semi-definite
    /// matrix; a zero pivot gives a zero column.
    var cholesky: (Double, Double, Double) {
        let l11 = Swift.max(a, 0).squareRoot()
        let l21 = l11 > 0 ? b / l11 : 0
        let l22 = Swift.max(c - l21 * l21, 0).squareRoot()
        return (l11, l21, l22)
    }

    /// Σ = L L′ from the lower Cholesky factor (l11, l21, l22).
    static func fromCholesky(_ l11: Double, _ l21: Double, _ l22: Double) -> SymmetricMatrix2 {
        SymmetricMatrix2(a: l11 * l11, b: l11 * l21, c: l21 * l21 + l22 * l22)
    }

    var isFinite: Bool { a.isFinite && b.isFinite && c.isFinite }
}
