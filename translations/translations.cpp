// Anchors the relais_translations library, whose content is the :/i18n resource.
namespace relais {
int translationsAnchor()
{
    return 0;
}
} // namespace relais
