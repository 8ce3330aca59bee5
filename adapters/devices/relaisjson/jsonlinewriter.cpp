#include "jsonlinewriter.h"

#include <QLocale>

namespace relais {

JsonLineWriter::JsonLineWriter(QLatin1StringView type)
{
    m_out.reserve(128);
    m_out.append("{\"type\":\"");
    m_out.append(type.data(), type.size());
    m_out.append('"');
}

void JsonLineWriter::key(QLatin1StringView key)
{
    m_out.append(",\"");
    m_out.append(key.data(), key.size());
    m_out.append("\":");
}

JsonLineWriter &JsonLineWriter::string(QLatin1StringView k, QStringView value)
{
    key(k);
    appendQuoted(m_out, value);
    return *this;
}

JsonLineWriter &JsonLineWriter::string(QLatin1StringView k, QLatin1StringView value)
{
    key(k);
    m_out.append('"');
    m_out.append(value.data(), value.size());
    m_out.append('"');
    return *this;
}

JsonLineWriter &JsonLineWriter::integer(QLatin1StringView k, qint64 value)
{
    key(k);
    m_out.append(QByteArray::number(value));
    return *this;
}

JsonLineWriter &JsonLineWriter::number(QLatin1StringView k, double value)
{
    key(k);
    m_out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    return *this;
}

JsonLineWriter &JsonLineWriter::boolean(QLatin1StringView k, bool value)
{
    key(k);
    m_out.append(value ? "true" : "false");
    return *this;
}

QByteArray JsonLineWriter::finish()
{
    m_out.append("}\n");
    return std::move(m_out);
}

void JsonLineWriter::appendQuoted(QByteArray &out, QStringView value)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\t') {
            out.append("\\t");
        } else if (u < 0x20 || u == 0x7f) {
            out.append("\\u00");
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

} // namespace relais
