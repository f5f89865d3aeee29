import Foundation

let principal = 1000.0
let rate = 0.05
for years in [1, 2, 10, 30] {
    let amount = principal * pow(1 + rate, Double(years))
    print(years, amount, (amount * 100).rounded() / 100)
}
let continuous = principal * exp(rate * 10)
print(continuous)
print(log(2.0) / rate)
