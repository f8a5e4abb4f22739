using System.Text;
using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

/// <summary>
/// Thousands of mutated samples (cut, duplicate, flip bytes, swap delimiters, drop, insert terminators) with a fixed
/// seed: the reader never throws out of its API, never needs its last-resort catch, and always returns a report or a reason.
/// </summary>
public class MutationTests
{
    private const int Iterations = 4000;
    private static readonly byte[] Delimiters = "|^~\\&\r\n#*"u8.ToArray();

    [Fact]
    public void Mutated_samples_always_give_a_report_or_a_reason()
    {
        var samples = LabTestData.Hl7Samples().Select(LabTestData.Hl7Bytes).ToArray();
        var random = new Random(20261125);
        var reader = new OruR01Reader(new LabReaderOptions { SenderTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") });
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Iterations; i++)
        {
            var bytes = samples[random.Next(samples.Length)].ToList();
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(bytes, random);
            }

            var input = bytes.ToArray();
            var fromBytes = Check(reader, input, i);
            var fromText = Check(reader, Encoding.Latin1.GetString(input), i);
            Assert.Equal(fromBytes.IsSuccess, fromText.IsSuccess);

            var key = fromBytes.IsSuccess ? "report" : fromBytes.Refusal.Reason.ToString();
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

            var ack = Hl7Ack.ForResult(Encoding.Latin1.GetString(input), fromBytes, "ACK" + i, DateTimeOffset.UnixEpoch);
            Assert.StartsWith("MSH", ack, StringComparison.Ordinal);
            Assert.Contains("\rMSA", ack, StringComparison.Ordinal);
        }

        // The mutations reach both sides: many messages still read, many are refused for several reasons.
        Assert.True(outcomes.GetValueOrDefault("report") > Iterations / 10, string.Join(", ", outcomes));
        Assert.True(outcomes.Count >= 5, string.Join(", ", outcomes));
        Assert.False(outcomes.ContainsKey(nameof(LabRefusalReason.InternalError)), string.Join(", ", outcomes));
    }

    [Fact]
    public void Generic_reader_navigates_every_part_of_mutated_messages()
    {
        var samples = LabTestData.Hl7Samples().Select(LabTestData.Hl7Text).ToArray();
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var bytes = Encoding.Latin1.GetBytes(samples[random.Next(samples.Length)]).ToList();
            Mutate(bytes, random);
            if (!Hl7Message.TryParse(Encoding.Latin1.GetString(bytes.ToArray()), out var message, out var refusal))
            {
                Assert.NotNull(refusal);
                continue;
            }

            for (var s = 0; s < message!.SegmentCount; s++)
            {
                var segment = message[s];
                for (var f = 0; f <= segment.FieldCount + 1; f++)
                {
                    var field = segment.Field(f);
                    for (var r = 1; r <= field.RepetitionCount; r++)
                    {
                        for (var c = 1; c <= 4; c++)
                        {
                            _ = field.Repetition(r).Component(c).Subcomponent(2).Value;
                            _ = field.Repetition(r).Component(c).AsTimestamp(TimeZoneInfo.Utc);
                        }
                    }
                }
            }
        }
    }

    private static LabReadResult Check(OruR01Reader reader, byte[] input, int iteration) => Check(reader.Read(input), iteration);

    private static LabReadResult Check(OruR01Reader reader, string input, int iteration) => Check(reader.Read(input), iteration);

    private static LabReadResult Check(LabReadResult result, int iteration)
    {
        Assert.NotNull(result);
        if (result.IsSuccess)
        {
            Assert.NotEmpty(result.Report.Orders);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(result.Refusal.Message), $"iteration {iteration}");
            Assert.NotEqual(LabRefusalReason.InternalError, result.Refusal.Reason);
        }

        return result;
    }

    private static void Mutate(List<byte> bytes, Random random)
    {
        if (bytes.Count == 0)
        {
            bytes.Add((byte)random.Next(256));
            return;
        }

        var at = random.Next(bytes.Count);
        switch (random.Next(7))
        {
            case 0: // cut
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 1: // duplicate a stretch
                var length = Math.Min(random.Next(1, 400), bytes.Count - at);
                bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 2: // flip bits of a few bytes
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    var p = random.Next(bytes.Count);
                    bytes[p] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 3: // swap one delimiter for another everywhere
                var from = Delimiters[random.Next(Delimiters.Length)];
                var to = Delimiters[random.Next(Delimiters.Length)];
                for (var p = 0; p < bytes.Count; p++)
                {
                    if (bytes[p] == from)
                    {
                        bytes[p] = to;
                    }
                }

                break;
            case 4: // drop a stretch
                bytes.RemoveRange(at, Math.Min(random.Next(1, 60), bytes.Count - at));
                break;
            case 5: // insert a delimiter or terminator
                bytes.Insert(at, Delimiters[random.Next(Delimiters.Length)]);
                break;
            default: // random byte
                bytes[at] = (byte)random.Next(256);
                break;
        }
    }
}
