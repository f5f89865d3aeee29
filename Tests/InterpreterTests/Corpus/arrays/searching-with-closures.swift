let losses = [0.9, 0.5, 0.31, 0.12, 0.08, 0.05]

// The first step where the loss drops below 0.1, written both ways.
print(losses.firstIndex(where: { $0 < 0.1 }) as Any)
print(losses.firstIndex { $0 < 0.1 } as Any)
print(losses.firstIndex { $0 < 0.01 } as Any)
print(losses.first(where: { $0 < 0.4 }) as Any)
print(losses.first { $0 > 1 } as Any)

// A trailing closure is `contains(where:)`; a value is `contains(_:)`.
print(losses.contains { $0 > 0.8 }, losses.contains(0.31), losses.contains(where: { $0 < 0 }))
print(losses.allSatisfy { $0 > 0 }, losses.allSatisfy { $0 > 0.1 })
let words = ["cat", "sat", "mat"]
if let index = words.firstIndex(where: { $0.hasPrefix("s") }) {
    print("found", words[index], "at", index)
}
print("sat".contains { $0 == "a" })
