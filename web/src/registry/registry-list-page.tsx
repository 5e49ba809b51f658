export default function RegistryListPage() {
  return null;
}
