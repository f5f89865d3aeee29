let text = ["the", "cat", "and", "the", "hat", "the", "end"]
var counts: [String: Int] = [:]
for word in text {
    counts[word] = (counts[word] ?? 0) + 1
}
for word in counts.keys.sorted() {
    print(word, counts[word]!)
}
print(counts["the"] as Any, counts["dog"] as Any)
