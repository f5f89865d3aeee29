// expect-error: 3:33: division by zero
print("mapping")
let quotients = [1, 2, 0].map { 10 / $0 }
print(quotients)
