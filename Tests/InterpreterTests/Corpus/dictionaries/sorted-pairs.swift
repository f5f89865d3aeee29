let scores = ["carol": 7, "alice": 9, "bob": 8]
let byName = scores.sorted { $0.key < $1.key }
print(byName)
for (name, score) in byName {
    print(name, score)
}
let byScore = scores.sorted { $0.value > $1.value }
print(byScore.map { $0.key })
print(byScore[0].value)
