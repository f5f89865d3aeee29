let numbers = [3, 1, 2]
print(numbers.map { $0 * 10 })
print(numbers.sorted { $0 > $1 })
print(numbers.reduce(0) { $0 + $1 })
let add: (Int, Int) -> Int = { $0 + $1 }
print(add(2, 5))
let describe: (Int, String) -> String = { "\($1)=\($0)" }
print(describe(1, "x"))
print(numbers.filter { $0 != 1 })
