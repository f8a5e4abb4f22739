using Portal.Core.Patients;

namespace Portal.Tests.Patients;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Nuñez", "NUNEZ")]
    [InlineData("nunez", "NUNEZ")]
    [InlineData("NUÑ", "NUN")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("o’b", "OB")]
    [InlineData("García-Márquez", "GARCIAMARQUEZ")]
    [InlineData("van der Berg", "VANDERBERG")]
    [InlineData("St. John", "STJOHN")]
    [InlineData("Zoë", "ZOE")]
    [InlineData("Çelik", "CELIK")]
    [InlineData("Nguyễn", "NGUYEN")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Øvergård", "OVERGARD")]
    [InlineData("Łukasz", "LUKASZ")]
    [InlineData("Ærø", "AERO")]
    [InlineData("Müller", "MULLER")]
    public void Accents_case_and_punctuation_do_not_count(string name, string folded) => Assert.Equal(folded, NameFolding.Fold(name));

    [Fact]
    public void A_name_typed_precomposed_or_with_combining_accents_folds_alike() =>
        Assert.Equal(NameFolding.Fold("Nu\u00F1ez"), NameFolding.Fold("Nun\u0303ez"));

    [Theory]
    [InlineData("김민준", "김민준")]
    [InlineData("Иванов", "ИВАНОВ")]
    public void Other_scripts_keep_their_letters_one_per_letter(string name, string folded) => Assert.Equal(folded, NameFolding.Fold(name));

    [Theory]
    [InlineData("")]
    [InlineData("'-. ")]
    [InlineData("\u0303")]
    public void Nothing_but_punctuation_or_marks_folds_to_nothing(string name) => Assert.Equal("", NameFolding.Fold(name));

    [Fact]
    public void A_folded_name_holds_only_letters_and_digits_so_it_is_safe_in_a_table_key() =>
        Assert.All(NameFolding.Fold("A/B\\C#D?E%F|G,H\u0001I"), c => Assert.True(char.IsLetterOrDigit(c)));
}
