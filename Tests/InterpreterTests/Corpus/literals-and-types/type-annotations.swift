let a: Int = 3
let b: Double = 3
let c: String = "three"
let d: Bool = true
let e: [Double] = [1, 2, 3]
let f: [Int] = []
let g: [String: Int] = [:]
let h: (Int, Double) = (1, 2)
let i: Int? = nil
let j: Double? = 4
let k: [[Double]] = [[1, 2], [3, 4]]
print(a, b, c, d)
print(e, f, g)
print(h)
print(i as Any, j as Any)
print(k)
