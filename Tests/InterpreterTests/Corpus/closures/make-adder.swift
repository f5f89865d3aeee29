func makeAdder(_ amount: Int) -> (Int) -> Int {
    return { value in value + amount }
}
let addFive = makeAdder(5)
let addTen = makeAdder(10)
print(addFive(1), addTen(1))
print([1, 2, 3].map(addFive))
func makeScaler(_ factor: Double) -> (Double) -> Double {
    { $0 * factor }
}
let half = makeScaler(0.5)
print(half(9))
