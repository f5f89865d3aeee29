var x = 1
let readX = { x * 10 }
print(readX())
x = 5
print(readX())
var log: [String] = []
let record = { (message: String) in
    log.append(message)
}
record("a")
record("b")
print(log)
var total = 0
let addToTotal: (Int) -> Void = { total += $0 }
for n in [1, 2, 3] {
    addToTotal(n)
}
print(total)
