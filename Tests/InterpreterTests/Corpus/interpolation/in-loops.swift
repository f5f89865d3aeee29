let items = ["apple", "pear"]
let prices = [1.25, 0.5]
for (index, item) in items.enumerated() {
    print("\(index + 1). \(item): \(prices[index])")
}
var report = ""
for n in 1...3 {
    report += "[\(n)]"
}
print(report)
let total = prices.reduce(0, +)
print("total = \(total)")
