// expect-error: 6:7: unexpectedly found nil while unwrapping an Optional value
var cached: Double? = 2.5
print(cached!)
cached = nil
print(cached as Any)
print(cached! + 1)
