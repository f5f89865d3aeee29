func greet(person: String, from city: String) -> String {
    "Hello \(person) from \(city)!"
}
print(greet(person: "Ann", from: "Oslo"))
func add(_ a: Int, _ b: Int) -> Int {
    return a + b
}
print(add(2, 3))
func move(_ distance: Double, by factor: Double) -> Double {
    distance * factor
}
print(move(2, by: 1.5))
func describe(value x: Int) {
    print("value is", x)
}
describe(value: 9)
