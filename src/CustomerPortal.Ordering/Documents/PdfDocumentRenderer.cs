using SkiaSharp;

namespace CustomerPortal.Ordering.Documents;

/// <summary>Draws an <see cref="OrderDocument"/> on A4 pages as a PDF (SkiaSharp's PDF backend embeds the font subset).</summary>
public sealed class PdfDocumentRenderer(DocumentFont font, TimeProvider clock)
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 48f;
    private const float Right = PageWidth - Margin;
    private const float Bottom = PageHeight - Margin;
    private const float RowHeight = 18f;

    // Right edges of the quantity, unit price and amount columns; the item name takes the rest.
    private static readonly float[] NumberColumns = [380f, 465f, Right];
    private const float NameWidth = 300f;

    public byte[] Render(OrderDocument document)
    {
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Creator = "CustomerPortal.Ordering",
            Creation = clock.GetUtcNow().UtcDateTime,
        }))
        {
            using var writer = new Writer(pdf, font.Typeface);
            writer.Write(document);
            pdf.Close();
        }
        return stream.ToArray();
    }

    /// <summary>One document being drawn: the current page and how far down it is filled.</summary>
    private sealed class Writer(SKDocument pdf, SKTypeface typeface) : IDisposable
    {
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _muted = new() { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        private readonly SKPaint _rule = new() { Color = new SKColor(0x99, 0x99, 0x99), StrokeWidth = 0.6f, IsAntialias = true };
        private readonly SKPaint _shade = new() { Color = new SKColor(0xEE, 0xEE, 0xEE) };
        private SKCanvas _page = null!;
        private float _y;

        public void Dispose()
        {
            _ink.Dispose();
            _muted.Dispose();
            _rule.Dispose();
            _shade.Dispose();
        }

        public void Write(OrderDocument document)
        {
            NewPage();
            using (var title = new SKFont(typeface, 20))
            {
                _page.DrawText(document.Title, PageWidth / 2, _y + 20, SKTextAlign.Center, title, _ink);
            }
            _y += 44;

            var top = _y;
            using var text = new SKFont(typeface, 9.5f);
            using var small = new SKFont(typeface, 8.5f);
            // Left: whom the document is for; right: its number and dates, then the seller.
            using var addressee = new SKFont(typeface, 12);
            _y = Block(document.Recipient, Margin, top, text, small, addressee);
            using (var greeting = new SKFont(typeface, 10.5f))
            {
                _page.DrawText(document.Greeting, Margin, _y + 20, SKTextAlign.Left, greeting, _ink);
            }
            var leftBottom = _y + 30;
            var rightY = top;
            foreach (var (label, value) in document.Facts)
            {
                _page.DrawText(label, 360, rightY + 10, SKTextAlign.Left, small, _muted);
                _page.DrawText(value, Right, rightY + 10, SKTextAlign.Right, text, _ink);
                rightY += 14;
            }
            rightY += 8;
            foreach (var line in document.SellerLines)
            {
                _page.DrawText(line, 360, rightY + 10, SKTextAlign.Left, small, _ink);
                rightY += 12;
            }
            _y = Math.Max(leftBottom, rightY) + 8;
            if (document.Headline is { } headline)
            {
                Headline(headline, text);
            }
            if (document.SecondAddress is { } second)
            {
                _y = Block(second, Margin, _y, text, small, text) + 10;
            }

            Header(document, small);
            foreach (var line in document.Lines)
            {
                var wrapped = Wrap(line.Name, text, NameWidth);
                if (_y + RowHeight * wrapped.Count > Bottom)
                {
                    NewPage();
                    Header(document, small);
                }
                for (var i = 0; i < wrapped.Count; i++)
                {
                    _page.DrawText(wrapped[i], Margin + 4, _y + 12 + i * 12, SKTextAlign.Left, text, _ink);
                }
                _page.DrawText(line.Quantity, NumberColumns[0], _y + 12, SKTextAlign.Right, text, _ink);
                _page.DrawText(line.UnitPrice, NumberColumns[1], _y + 12, SKTextAlign.Right, text, _ink);
                _page.DrawText(line.Amount, NumberColumns[2], _y + 12, SKTextAlign.Right, text, _ink);
                _y += RowHeight + (wrapped.Count - 1) * 12;
                _page.DrawLine(Margin, _y, Right, _y, _rule);
            }

            _y += 8;
            var accountHeight = document.PaymentAccount is { } bank ? 14 + bank.Lines.Count * 13 + 10 : 0;
            if (_y + document.Totals.Count * 16 + accountHeight + document.Notes.Count * 13 + 20 > Bottom)
            {
                NewPage();
            }
            using var bold = new SKFont(typeface, 11) { Embolden = true };
            for (var i = 0; i < document.Totals.Count; i++)
            {
                var (label, value) = document.Totals[i];
                var last = i == document.Totals.Count - 1;
                _page.DrawText(label, 330, _y + 12, SKTextAlign.Left, last ? bold : text, _ink);
                _page.DrawText(value, Right, _y + 12, SKTextAlign.Right, last ? bold : text, _ink);
                _y += 16;
            }
            _y += 12;
            if (document.PaymentAccount is { } account)
            {
                _page.DrawText(account.Heading, Margin, _y + 10, SKTextAlign.Left, small, _muted);
                _y += 14;
                foreach (var line in account.Lines)
                {
                    _page.DrawText(line, Margin, _y + 10, SKTextAlign.Left, text, _ink);
                    _y += 13;
                }
                _y += 10;
            }
            foreach (var note in document.Notes)
            {
                foreach (var part in Wrap(note, small, Right - Margin))
                {
                    _page.DrawText(part, Margin, _y + 10, SKTextAlign.Left, small, _muted);
                    _y += 13;
                }
            }
            pdf.EndPage();
        }

        private void NewPage()
        {
            if (_page is not null)
            {
                pdf.EndPage();
            }
            _page = pdf.BeginPage(PageWidth, PageHeight);
            _y = Margin;
        }

        private void Header(OrderDocument document, SKFont font)
        {
            _page.DrawRect(Margin, _y, Right - Margin, RowHeight, _shade);
            _page.DrawText(document.Columns[0], Margin + 4, _y + 12, SKTextAlign.Left, font, _ink);
            for (var i = 0; i < NumberColumns.Length; i++)
            {
                _page.DrawText(document.Columns[i + 1], NumberColumns[i], _y + 12, SKTextAlign.Right, font, _ink);
            }
            _y += RowHeight;
        }

        private float Block(AddressBlock block, float x, float y, SKFont text, SKFont heading, SKFont addressee)
        {
            _page.DrawText(block.Heading, x, y + 10, SKTextAlign.Left, heading, _muted);
            y += 14;
            foreach (var line in block.Lines)
            {
                _page.DrawText(line, x, y + 10, SKTextAlign.Left, text, _ink);
                y += 13;
            }
            // The name lines, in the addressee's size: the company or person a Japanese reader looks for first.
            var lineHeight = addressee.Size + 3.5f;
            foreach (var line in block.Addressee)
            {
                _page.DrawText(line, x, y + addressee.Size, SKTextAlign.Left, addressee, _ink);
                y += lineHeight;
            }
            return y;
        }

        /// <summary>The amount the document is about, large and underlined across the left half, as Japanese invoices show it.</summary>
        private void Headline(Headline headline, SKFont label)
        {
            const float End = 330f;
            using var amount = new SKFont(label.Typeface, 16) { Embolden = true };
            _page.DrawText(headline.Label, Margin, _y + 18, SKTextAlign.Left, label, _ink);
            _page.DrawText(headline.Amount, End, _y + 18, SKTextAlign.Right, amount, _ink);
            _y += 24;
            _page.DrawLine(Margin, _y, End, _y, _ink);
            _y += 14;
        }

        /// <summary>Breaks text to fit a width: at a space when there is one (English), else between characters (Japanese).</summary>
        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            var rest = text;
            while (font.MeasureText(rest) > width && rest.Length > 1)
            {
                var fit = rest.Length - 1;
                while (fit > 1 && font.MeasureText(rest[..fit]) > width)
                {
                    fit--;
                }
                var space = rest.LastIndexOf(' ', fit - 1);
                var cut = space > 0 ? space : fit;
                lines.Add(rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart();
            }
            lines.Add(rest);
            return lines;
        }
    }
}
