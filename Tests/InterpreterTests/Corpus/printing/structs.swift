struct Point {
    var x: Double
    var y: Double
}
struct Pixel {
    var x: Int
    var y: Int
    var label: String
    var tags: [String]
    var weight: Double?
}
let p = Point(x: 3, y: 4)
print(p)
let q = Pixel(x: 1, y: 2, label: "red", tags: ["hot", "bright"], weight: nil)
print(q)
let r = Pixel(x: -1, y: 0, label: "", tags: [], weight: 0.5)
print(r)
print(p, q.label, separator: " / ")
