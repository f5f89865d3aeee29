// expect-error: 4:7: unexpectedly found nil while unwrapping an Optional value
let ages = ["Ann": 31]
print(ages["Ann"]!)
print(ages["Bob"]!)
