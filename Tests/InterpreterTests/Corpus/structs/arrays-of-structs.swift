struct Student {
    var name: String
    var score: Int
}
let students = [
    Student(name: "Ann", score: 91),
    Student(name: "Bob", score: 78),
    Student(name: "Cy", score: 85),
]
print(students.count)
print(students.map { $0.name })
let best = students.sorted { $0.score > $1.score }[0]
print(best)
let passing = students.filter { $0.score >= 80 }.map { $0.name }
print(passing)
let average = Double(students.map { $0.score }.reduce(0, +)) / Double(students.count)
print(average)
for s in students where s.score < 80 {
    print(s.name, "needs help")
}
