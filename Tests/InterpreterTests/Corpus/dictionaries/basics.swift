var ages = ["Ann": 31]
print(ages)
print(ages["Ann"] as Any)
print(ages["Bob"] as Any)
ages["Bob"] = 40
print(ages.count)
ages["Ann"] = 32
print(ages["Ann"]!)
ages["Bob"] = nil
print(ages)
print(ages.isEmpty)
ages["Ann"] = nil
print(ages, ages.isEmpty, ages.count)
