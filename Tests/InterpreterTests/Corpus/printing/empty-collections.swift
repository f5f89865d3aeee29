let noInts: [Int] = []
let noStrings = [String]()
let noPairs: [String: Int] = [:]
let noRows: [[Double]] = []
print(noInts)
print(noStrings)
print(noPairs)
print(noRows)
print(noInts.count, noPairs.count, noInts.isEmpty, noPairs.isEmpty)
print([noInts])
print("[\(noInts)]")
