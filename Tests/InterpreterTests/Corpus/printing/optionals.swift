let a: Double? = 1.5
let b: Double? = nil
let c: Int? = 3
let s: String? = "word"
let words: [String?] = ["a", nil]
print(a as Any)
print(b as Any)
print(c as Any, s as Any)
print(words)
print(a!, c!, s!)
let pair: (Int?, String?) = (1, nil)
print(pair)
let grid: [[Int?]] = [[1, nil]]
print(grid)
