struct Sample {
    var label: String
    var value: Double
    var count: Int
    var flag: Bool
    var note: String?
    var values: [Double]
    var pair: (Int, String)
}
let s = Sample(label: "a\"b", value: -0.0, count: 3, flag: true, note: nil, values: [1, 2.5], pair: (1, "x"))
print(s)
var t = s
t.note = "hello"
t.values = []
print(t)
