let lists = ["primes": [2, 3, 5]]
print(lists)
print(lists["primes"]?.count as Any)
print(lists["evens"]?.count as Any)
let weights = ["w": 0.5]
print(weights)
let flags = [1: true]
print(flags)
let names = [10: "ten"]
print(names, names[10]!)
let nested = ["outer": ["inner": 1]]
print(nested)
print(nested["outer"]!["inner"]!)
