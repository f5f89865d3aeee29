let pairs = [("a", 1), ("b", 2), ("c", 3)]
print(pairs)
for (letter, number) in pairs {
    print(letter, number)
}
let named = [(name: "x", value: 0.5), (name: "y", value: 1.5)]
print(named)
print(named.map { $0.value }.reduce(0, +))
print(named[1].name)
let sorted = pairs.sorted { $0.1 > $1.1 }
print(sorted)
