let count = 3
let total = 10.0
print(total / Double(count))
let scores = [90, 85, 77]
var sum = 0
for s in scores {
    sum += s
}
let average = Double(sum) / Double(scores.count)
print(average)
print(Int(average))
print(Double(count) * 0.5)
let celsius = 21.5
let fahrenheit = celsius * 9 / 5 + 32
print(fahrenheit)
let half = Double(count) / 2
print(half)
