let operations: [(Double) -> Double] = [
    { $0 + 1 },
    { $0 * 2 },
    { x in x * x },
]
for op in operations {
    print(op(3))
}
var x = 1.0
for op in operations {
    x = op(x)
}
print(x)
var handlers: [() -> String] = []
handlers.append { "first" }
handlers.append { "second" }
print(handlers.map { $0() })
print(operations[2](1.5))
