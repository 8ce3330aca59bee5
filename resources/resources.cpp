// Anchors the relais_resources library, whose content is the :/icons resource.
namespace relais {
int resourcesAnchor()
{
    return 0;
}
} // namespace relais
