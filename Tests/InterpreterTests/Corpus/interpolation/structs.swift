struct Point {
    var x: Double
    var y: Double
}
struct Person {
    var name: String
    var age: Int
    var nickname: String?
    var scores: [Int]
}
let p = Point(x: 1, y: -2.5)
print("point: \(p)")
let ann = Person(name: "Ann", age: 31, nickname: nil, scores: [90, 85])
print("person: \(ann)")
let bob = Person(name: "Bob", age: 40, nickname: "B", scores: [])
print("\(bob)")
print("x is \(p.x), name is \(ann.name)")
